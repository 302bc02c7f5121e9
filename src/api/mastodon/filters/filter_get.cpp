#include "api/mastodon/filter_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// One filter, with its keywords and statuses.
awaitable<http::Response> FiltersModule::get(Call& call) {
  std::int64_t id = path_id(call.request);
  co_return http::Response::json(
      200, filter_json(co_await filters_.get(call.user().account.id, id), true));
}

}  // namespace lox::api::mastodon
