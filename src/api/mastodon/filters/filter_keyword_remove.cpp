#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// Removes a keyword from its filter.
awaitable<http::Response> FiltersModule::remove_keyword(Call& call) {
  std::int64_t id = path_id(call.request);
  co_await filters_.remove_keyword(call.user().account.id, id);
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
