#include "api/mastodon/announcement_serializer.hpp"

#include <loxodon/api/mastodon/announcements/announcements_module.hpp>

namespace lox::api::mastodon {

// The announcements active for the user; those already dismissed too with with_dismissed=true.
awaitable<http::Response> AnnouncementsModule::list(Call& call) {
  bool with_dismissed = call.params.boolean("with_dismissed").value_or(false);
  auto rows = co_await feed_.list(call.user().account.id, with_dismissed);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& a : rows) out.push_back(announcement_json(config_, a, true));
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
