#include "api/mastodon/filter_serializer.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// v1: every keyword of every filter, each as a filter of its own.
awaitable<http::Response> FiltersModule::list_v1(Call& call) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : co_await filters_.list_v1(call.user().account.id)) {
    out.push_back(filter_v1_json(v.filter, v.keyword));
  }
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
