#include "api/mastodon/filter_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// v1: one keyword with its filter's settings, by the keyword's id.
awaitable<http::Response> FiltersModule::get_v1(Call& call) {
  std::int64_t id = path_id(call.request);
  auto v = co_await filters_.get_v1(call.user().account.id, id);
  co_return http::Response::json(200, filter_v1_json(v.filter, v.keyword));
}

}  // namespace lox::api::mastodon
