#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/statuses/statuses_module.hpp>

namespace lox::api::mastodon {

// Deletes the status and answers with it and its source text (delete and redraft).
awaitable<http::Response> StatusesModule::destroy(Call& call) {
  auto page = co_await statuses_.remove(path_id(call.request), call.user().account.id);
  co_return status_response(config_, page, true);
}

}  // namespace lox::api::mastodon
