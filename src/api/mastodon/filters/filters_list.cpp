#include "api/mastodon/filter_serializer.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// The user's filters, with their keywords and statuses.
awaitable<http::Response> FiltersModule::list(Call& call) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : co_await filters_.list(call.user().account.id)) {
    out.push_back(filter_json(f, true));
  }
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
