#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/statuses/statuses_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> StatusesModule::favourite(Call& call) {
  auto page = co_await interactions_.favourite(path_id(call.request), call.user().account.id, true);
  co_return status_response(config_, page);
}

awaitable<http::Response> StatusesModule::unfavourite(Call& call) {
  auto page =
      co_await interactions_.favourite(path_id(call.request), call.user().account.id, false);
  co_return status_response(config_, page);
}

}  // namespace lox::api::mastodon
