#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/pagination.hpp"

#include <loxodon/api/mastodon/timelines/timelines_module.hpp>

namespace lox::api::mastodon {

// The user's home feed: their own posts and those of the accounts they follow.
awaitable<http::Response> TimelinesModule::home(Call& call) {
  auto page = co_await timelines_.home(call.user().account.id, page_request(call.params, 20, 40));
  co_return status_page_response(call.request, config_, page);
}

}  // namespace lox::api::mastodon
