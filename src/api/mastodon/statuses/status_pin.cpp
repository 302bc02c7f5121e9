#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/statuses/statuses_module.hpp>

namespace lox::api::mastodon {

// Pins to (or unpins from) the author's profile.
awaitable<http::Response> StatusesModule::pin(Call& call) {
  auto page = co_await interactions_.pin(path_id(call.request), call.user().account.id, true);
  co_return status_response(config_, page);
}

awaitable<http::Response> StatusesModule::unpin(Call& call) {
  auto page = co_await interactions_.pin(path_id(call.request), call.user().account.id, false);
  co_return status_response(config_, page);
}

}  // namespace lox::api::mastodon
