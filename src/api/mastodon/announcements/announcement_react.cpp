#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/announcements/announcements_module.hpp>

namespace lox::api::mastodon {

// Adds (or takes back) the user's emoji reaction on a staff announcement.
awaitable<http::Response> AnnouncementsModule::react(Call& call) {
  std::string name(call.request.path_param("name").value_or(""));
  co_await announcements_.react(call.user().account.id, path_id(call.request), name);
  co_return http::Response::json(200, nlohmann::json::object());
}

awaitable<http::Response> AnnouncementsModule::unreact(Call& call) {
  std::string name(call.request.path_param("name").value_or(""));
  co_await announcements_.unreact(call.user().account.id, path_id(call.request), name);
  co_return http::Response::json(200, nlohmann::json::object());
}

}  // namespace lox::api::mastodon
