#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/statuses/post_request_params.hpp"

#include <loxodon/api/mastodon/statuses/statuses_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> StatusesModule::edit(Call& call) {
  std::int64_t id = path_id(call.request);
  services::PostRequest r = edit_request_from(call.params);
  auto author = call.user();
  auto page = co_await statuses_.edit(author, id, r);
  co_return status_response(config_, page);
}

}  // namespace lox::api::mastodon
