#include "api/mastodon/ledger/ledger_serializer.hpp"
#include "api/mastodon/pagination.hpp"

#include <loxodon/api/mastodon/ledger/ledger_module.hpp>

namespace lox::api::mastodon {

// The entries newest first, paged by id with Mastodon's Link header.
awaitable<http::Response> LedgerModule::list(Call& call) {
  auto rows = co_await ledger_.list(call.user(), page_request(call.params, 40, 200));
  nlohmann::json out = nlohmann::json::array();
  std::vector<std::int64_t> cursors;
  for (const auto& entry : rows) {
    out.push_back(ledger_entry_json(entry));
    cursors.push_back(entry.id);
  }
  auto res = http::Response::json(200, out);
  add_link_header(res, call.request, config_, cursors);
  co_return res;
}

}  // namespace lox::api::mastodon
