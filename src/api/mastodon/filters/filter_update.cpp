#include "api/mastodon/filter_serializer.hpp"
#include "api/mastodon/filters/filter_params.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// Changes a filter; keywords_attributes[] adds, changes or (with _destroy) removes keywords.
awaitable<http::Response> FiltersModule::update(Call& call) {
  std::int64_t id = path_id(call.request);
  auto f = co_await filters_.update(call.user().account.id, id, filter_input(call.params));
  co_return http::Response::json(200, filter_json(f, true));
}

}  // namespace lox::api::mastodon
