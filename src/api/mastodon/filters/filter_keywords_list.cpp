#include "api/mastodon/filter_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// The keywords of a filter.
awaitable<http::Response> FiltersModule::keywords(Call& call) {
  std::int64_t id = path_id(call.request);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& k : (co_await filters_.get(call.user().account.id, id)).keywords) {
    out.push_back(filter_keyword_json(k));
  }
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
