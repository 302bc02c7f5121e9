#include "api/mastodon/pagination.hpp"

#include <loxodon/api/mastodon/domain_blocks/domain_blocks_module.hpp>

namespace lox::api::mastodon {

// The blocked domains as plain strings, most recent first, paged by when they were blocked.
awaitable<http::Response> DomainBlocksModule::list(Call& call) {
  auto rows = co_await relationships_.blocked_domains(call.user().account.id,
                                                      page_request(call.params, 100, 200));
  nlohmann::json out = nlohmann::json::array();
  std::vector<std::int64_t> cursors;
  for (const auto& row : rows) {
    out.push_back(row.domain);
    cursors.push_back(row.cursor);
  }
  http::Response res = http::Response::json(200, out);
  add_link_header(res, call.request, config_, cursors);
  co_return res;
}

}  // namespace lox::api::mastodon
