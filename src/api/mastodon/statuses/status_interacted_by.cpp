#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/pagination.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/statuses/statuses_module.hpp>

namespace lox::api::mastodon {

// Who boosted the status, most recent first.
awaitable<http::Response> StatusesModule::reblogged_by(Call& call) {
  auto page = co_await interactions_.reblogged_by(path_id(call.request), viewer_of(call),
                                                  page_request(call.params, 40, 80));
  co_return account_page_response(call.request, config_, page);
}

// Who favourited the status, most recent first.
awaitable<http::Response> StatusesModule::favourited_by(Call& call) {
  auto page = co_await interactions_.favourited_by(path_id(call.request), viewer_of(call),
                                                   page_request(call.params, 40, 80));
  co_return account_page_response(call.request, config_, page);
}

}  // namespace lox::api::mastodon
