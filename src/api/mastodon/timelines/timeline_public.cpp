#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/pagination.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/timelines/timelines_module.hpp>

namespace lox::api::mastodon {

// Public posts, all, local or remote, optionally with media only.
awaitable<http::Response> TimelinesModule::public_timeline(Call& call) {
  auto scope = domain::PublicTimelineScope::kAll;
  if (call.params.boolean("local").value_or(false)) scope = domain::PublicTimelineScope::kLocal;
  if (call.params.boolean("remote").value_or(false)) scope = domain::PublicTimelineScope::kRemote;
  auto page = co_await timelines_.public_timeline(viewer_of(call), scope,
                                                  call.params.boolean("only_media").value_or(false),
                                                  page_request(call.params, 20, 40));
  co_return status_page_response(call.request, config_, page);
}

}  // namespace lox::api::mastodon
