#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/statuses/statuses_module.hpp>

namespace lox::api::mastodon {

// Mutes (or unmutes) the notifications of the status's whole conversation.
awaitable<http::Response> StatusesModule::mute(Call& call) {
  auto page =
      co_await interactions_.mute_conversation(path_id(call.request), call.user().account.id, true);
  co_return status_response(config_, page);
}

awaitable<http::Response> StatusesModule::unmute(Call& call) {
  auto page = co_await interactions_.mute_conversation(path_id(call.request),
                                                       call.user().account.id, false);
  co_return status_response(config_, page);
}

}  // namespace lox::api::mastodon
