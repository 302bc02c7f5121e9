#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// Deletes a filter with its keywords and statuses.
awaitable<http::Response> FiltersModule::remove(Call& call) {
  std::int64_t id = path_id(call.request);
  co_await filters_.remove(call.user().account.id, id);
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
