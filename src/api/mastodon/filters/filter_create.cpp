#include "api/mastodon/filter_serializer.hpp"
#include "api/mastodon/filters/filter_params.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// A new filter, with the keywords in keywords_attributes[].
awaitable<http::Response> FiltersModule::create(Call& call) {
  auto f = co_await filters_.create(call.user().account.id, filter_input(call.params));
  co_return http::Response::json(200, filter_json(f, true));
}

}  // namespace lox::api::mastodon
