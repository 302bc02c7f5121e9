#pragma once
// Private to `services`: one rule for single-row reads that may go to a replica.

#include <loxodon/db/database.hpp>
#include <loxodon/db/read_from.hpp>

#include <type_traits>

namespace lox::services {

// Runs fn (which returns an optional) where `from` says. What a replica does not have yet is
// looked for on the primary: a status seen live (streaming renders from the primary) or an
// account just registered or fetched from another server may not have reached the replica, and
// answering 404 for it would be wrong.
template <class F>
awaitable<std::invoke_result_t<F&, db::Tx&>> read_or_primary(db::Database& db, db::ReadFrom from,
                                                             F fn) {
  auto found = co_await db.read(fn, from);
  if (!found && from == db::ReadFrom::kReplica) found = co_await db.read(fn);
  co_return found;
}

}  // namespace lox::services
