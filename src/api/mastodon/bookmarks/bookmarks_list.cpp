#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/pagination.hpp"

#include <loxodon/api/mastodon/bookmarks/bookmarks_module.hpp>

namespace lox::api::mastodon {

// The user's bookmarks, most recent first.
awaitable<http::Response> BookmarksModule::list(Call& call) {
  auto page =
      co_await timelines_.bookmarks(call.user().account.id, page_request(call.params, 20, 40));
  co_return cursor_status_page_response(call.request, config_, page);
}

}  // namespace lox::api::mastodon
