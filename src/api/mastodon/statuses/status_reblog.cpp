#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/statuses/statuses_module.hpp>

namespace lox::api::mastodon {

// Answers with the boost, a status of its own wrapping the original.
awaitable<http::Response> StatusesModule::reblog(Call& call) {
  auto page = co_await interactions_.reblog(path_id(call.request), call.user().account.id);
  co_return status_response(config_, page);
}

// Answers with the original.
awaitable<http::Response> StatusesModule::unreblog(Call& call) {
  auto page = co_await interactions_.unreblog(path_id(call.request), call.user().account.id);
  co_return status_response(config_, page);
}

}  // namespace lox::api::mastodon
