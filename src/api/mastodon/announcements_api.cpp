#include "api/mastodon/announcement_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/announcements_api.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1AnnouncementsIdReactionsNamePath[] = "/api/v1/announcements/:id/reactions/:name";

}  // namespace

using nlohmann::json;

AnnouncementsApi::AnnouncementsApi(const config::Config& config,
                                   services::AnnouncementService& announcements,
                                   services::AnnouncementFeedService& feed)
    : config_(config), announcements_(announcements), feed_(feed) {}

void AnnouncementsApi::add_routes(Endpoints& e) {
  // The list may carry a sponsored announcement and a dismissal may be of one: no client
  // address goes into the log for either.
  http::RouteOptions anonymous;
  anonymous.anonymous_log = true;
  e.add(
      {"GET", "/api/v1/announcements", Access::kUser, {"read"}},
      [this](Call& c) -> awaitable<http::Response> {
        bool with_dismissed = c.params.boolean("with_dismissed").value_or(false);
        auto rows = co_await feed_.list(c.user().account.id, with_dismissed);
        json out = json::array();
        for (const auto& a : rows) out.push_back(announcement_json(config_, a, true));
        co_return http::Response::json(200, out);
      },
      anonymous);
  e.add(
      {"POST", "/api/v1/announcements/:id/dismiss", Access::kUser, {"write:accounts"}},
      [this](Call& c) -> awaitable<http::Response> {
        co_await feed_.dismiss(c.user().account.id, path_id(c.request));
        co_return http::Response::json(200, json::object());
      },
      anonymous);
  e.add({"PUT", kV1AnnouncementsIdReactionsNamePath, Access::kUser, {"write:favourites"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::string name(c.request.path_param("name").value_or(""));
          co_await announcements_.react(c.user().account.id, path_id(c.request), name);
          co_return http::Response::json(200, json::object());
        });
  e.add({"DELETE", kV1AnnouncementsIdReactionsNamePath, Access::kUser, {"write:favourites"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::string name(c.request.path_param("name").value_or(""));
          co_await announcements_.unreact(c.user().account.id, path_id(c.request), name);
          co_return http::Response::json(200, json::object());
        });
}

}  // namespace lox::api::mastodon
