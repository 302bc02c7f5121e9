#include "api/mastodon/ledger/ledger_entry_params.hpp"
#include "api/mastodon/ledger/ledger_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/ledger/ledger_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> LedgerModule::record(Call& call) {
  auto entry = co_await ledger_.record(call.user(), new_ledger_entry_from(call.params));
  co_return http::Response::json(200, ledger_entry_json(entry));
}

// A refund, dispute or correction of an entry, never more than the entry itself.
awaitable<http::Response> LedgerModule::reverse(Call& call) {
  auto entry = co_await ledger_.reverse(call.user(), path_id(call.request),
                                        ledger_reversal_from(call.params));
  co_return http::Response::json(200, ledger_entry_json(entry));
}

}  // namespace lox::api::mastodon
