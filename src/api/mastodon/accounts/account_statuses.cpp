#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/pagination.hpp"
#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/accounts/accounts_module.hpp>

namespace lox::api::mastodon {

// An account's statuses as the viewer may see them, or only its pinned ones (pinned=true).
awaitable<http::Response> AccountsModule::statuses(Call& call) {
  std::int64_t account = path_id(call.request);
  const auto& p = call.params;
  if (p.boolean("pinned").value_or(false)) {
    auto pinned = co_await timelines_.pinned(viewer_of(call), account);
    co_return http::Response::json_text(200, statuses_json_text(config_, pinned));
  }
  auto page = co_await timelines_.account_statuses(
      viewer_of(call), account, p.boolean("exclude_reblogs").value_or(false),
      p.boolean("exclude_replies").value_or(false), p.boolean("only_media").value_or(false),
      page_request(p, 20, 40));
  co_return status_page_response(call.request, config_, page);
}

}  // namespace lox::api::mastodon
