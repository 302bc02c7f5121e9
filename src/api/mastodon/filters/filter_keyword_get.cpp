#include "api/mastodon/filter_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// One keyword, by its own id.
awaitable<http::Response> FiltersModule::keyword(Call& call) {
  std::int64_t id = path_id(call.request);
  co_return http::Response::json(
      200, filter_keyword_json(co_await filters_.keyword(call.user().account.id, id)));
}

}  // namespace lox::api::mastodon
