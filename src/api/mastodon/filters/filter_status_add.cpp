#include "api/mastodon/filter_serializer.hpp"
#include "api/mastodon/filters/filter_params.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// Adds the status in status_id to a filter.
awaitable<http::Response> FiltersModule::add_status(Call& call) {
  std::int64_t id = path_id(call.request);
  std::int64_t status_id = status_id_param(call.params);
  auto s = co_await filters_.add_status(call.user().account.id, id, status_id);
  co_return http::Response::json(200, filter_status_json(s));
}

}  // namespace lox::api::mastodon
