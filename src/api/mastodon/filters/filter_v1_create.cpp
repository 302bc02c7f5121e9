#include "api/mastodon/filter_serializer.hpp"
#include "api/mastodon/filters/filter_params.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// v1: a new filter holding one keyword, the phrase.
awaitable<http::Response> FiltersModule::create_v1(Call& call) {
  auto v = co_await filters_.create_v1(call.user().account.id, v1_input(call.params),
                                       single_keyword(call.params, "phrase"));
  co_return http::Response::json(200, filter_v1_json(v.filter, v.keyword));
}

}  // namespace lox::api::mastodon
