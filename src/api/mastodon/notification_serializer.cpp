#include "api/mastodon/notification_serializer.hpp"

#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

json notification_json(const config::Config& config, const services::NotificationView& n,
                       const services::StatusPage& statuses) {
  json out = {{"id", std::to_string(n.row.id)},
              {"type", n.row.type},
              {"created_at", format_iso8601_ms(n.row.created_at)},
              {"account", account_json(config, n.from)}};
  if (n.status_id) {
    for (const auto& v : statuses.statuses) {
      if (v.status.id == *n.status_id) out["status"] = status_json(config, v, statuses);
    }
  }
  return out;
}

}  // namespace lox::api::mastodon
