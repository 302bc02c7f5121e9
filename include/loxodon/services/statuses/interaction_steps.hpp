#pragma once

#include <loxodon/domain/status.hpp>

#include <cstdint>

namespace lox::db {
class Tx;
}

namespace lox::services {

// What a favourite or a boost does here, the same whether a local user made it through the API
// or a remote actor's Like or Announce arrived in the inbox. Each runs in the caller's
// transaction; only what the change causes locally (counts, notifications, fan-out) is here,
// not what is sent to other servers.

// Files account_id's favourite of the status by `author` (row `row_id`); false when it was
// already there.
bool add_favourite(db::Tx& tx, std::int64_t row_id, std::int64_t account_id, std::int64_t status_id,
                   std::int64_t author);
// Takes a favourite back; false when there was none.
bool remove_favourite(db::Tx& tx, std::int64_t account_id, std::int64_t status_id);

// Mastodon's StatusPolicy#reblog?: never a direct post; a followers-only one only by its author.
bool may_boost(const domain::Status& original, std::int64_t booster);
// A boost (already inserted as its own status) counted on the original, its author notified
// and the boost fanned out to the booster's followers.
void boost_added(db::Tx& tx, std::int64_t boost_id, std::int64_t booster, std::int64_t original_id,
                 std::int64_t original_author);

}  // namespace lox::services
