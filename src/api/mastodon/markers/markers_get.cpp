#include "api/mastodon/markers/marker_serializer.hpp"

#include <loxodon/api/mastodon/markers/markers_module.hpp>

namespace lox::api::mastodon {

// The markers asked for with timeline[] (home, notifications).
awaitable<http::Response> MarkersModule::get(Call& call) {
  std::vector<std::string> timelines = call.params.list("timeline");
  for (auto& t : call.params.list("timeline[]")) timelines.push_back(t);
  auto markers = co_await markers_.markers(call.user().account.id, timelines);
  co_return http::Response::json(200, markers_json(markers));
}

}  // namespace lox::api::mastodon
