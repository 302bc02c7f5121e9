#include "api/mastodon/markers/marker_serializer.hpp"

#include <loxodon/api/mastodon/markers/markers_module.hpp>
#include <loxodon/util/error.hpp>

#include <charconv>

namespace lox::api::mastodon {

// Saves home[last_read_id] and notifications[last_read_id]; answers with the saved markers.
awaitable<http::Response> MarkersModule::save(Call& call) {
  std::int64_t me = call.user().account.id;
  std::vector<std::string> timelines;
  for (const char* timeline : {"home", "notifications"}) {
    const nlohmann::json& m = call.params.object(timeline);
    if (!m.is_object() || !m.contains("last_read_id")) continue;
    auto raw = http::json_string(m["last_read_id"]).value_or("");
    std::int64_t id = 0;
    auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), id);
    if (ec != std::errc{} || ptr != raw.data() + raw.size()) {
      throw Error(ErrorCode::kUnprocessable, "Validation failed: Last read id is invalid");
    }
    co_await markers_.set_marker(me, timeline, id);
    timelines.emplace_back(timeline);
  }
  auto markers = co_await markers_.markers(me, timelines);
  co_return http::Response::json(200, markers_json(markers));
}

}  // namespace lox::api::mastodon
