#include "api/mastodon/filter_serializer.hpp"
#include "api/mastodon/filters/filter_params.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// v1: changes a keyword and its filter's settings.
awaitable<http::Response> FiltersModule::update_v1(Call& call) {
  std::int64_t id = path_id(call.request);
  auto v = co_await filters_.update_v1(call.user().account.id, id, v1_input(call.params),
                                       single_keyword(call.params, "phrase"));
  co_return http::Response::json(200, filter_v1_json(v.filter, v.keyword));
}

}  // namespace lox::api::mastodon
