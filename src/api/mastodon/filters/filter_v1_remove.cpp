#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// v1: removes a keyword, and its filter when nothing else is left in it.
awaitable<http::Response> FiltersModule::remove_v1(Call& call) {
  std::int64_t id = path_id(call.request);
  co_await filters_.remove_v1(call.user().account.id, id);
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
