#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/pagination.hpp"

#include <loxodon/api/mastodon/favourites/favourites_module.hpp>

namespace lox::api::mastodon {

// The user's favourites, most recent first.
awaitable<http::Response> FavouritesModule::list(Call& call) {
  auto page =
      co_await timelines_.favourites(call.user().account.id, page_request(call.params, 20, 40));
  co_return cursor_status_page_response(call.request, config_, page);
}

}  // namespace lox::api::mastodon
