#include "api/mastodon/filter_serializer.hpp"
#include "api/mastodon/filters/filter_params.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// Adds a keyword to a filter.
awaitable<http::Response> FiltersModule::add_keyword(Call& call) {
  std::int64_t id = path_id(call.request);
  auto k = co_await filters_.add_keyword(call.user().account.id, id,
                                         single_keyword(call.params, "keyword"));
  co_return http::Response::json(200, filter_keyword_json(k));
}

}  // namespace lox::api::mastodon
