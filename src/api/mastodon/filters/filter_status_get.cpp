#include "api/mastodon/filter_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// One filtered status, by the id of its entry in the filter.
awaitable<http::Response> FiltersModule::status(Call& call) {
  std::int64_t id = path_id(call.request);
  co_return http::Response::json(
      200, filter_status_json(co_await filters_.status(call.user().account.id, id)));
}

}  // namespace lox::api::mastodon
