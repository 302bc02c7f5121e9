#include "api/mastodon/markers/marker_serializer.hpp"

#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

nlohmann::json markers_json(const std::vector<domain::Marker>& markers) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& m : markers) {
    out[m.timeline] = {{"last_read_id", std::to_string(m.last_read_id)},
                       {"version", m.version},
                       {"updated_at", format_iso8601_ms(m.updated_at)}};
  }
  return out;
}

}  // namespace lox::api::mastodon
