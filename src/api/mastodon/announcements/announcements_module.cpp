#include <loxodon/api/mastodon/announcements/announcements_module.hpp>

namespace lox::api::mastodon {

namespace {
// Paths registered for more than one method, written out once.
constexpr char kV1AnnouncementsIdReactionsNamePath[] = "/api/v1/announcements/:id/reactions/:name";
}  // namespace

AnnouncementsModule::AnnouncementsModule(const config::Config& config,
                                         services::AnnouncementService& announcements,
                                         services::AnnouncementFeedService& feed)
    : config_(config), announcements_(announcements), feed_(feed) {}

void AnnouncementsModule::add_routes(Endpoints& e) {
  // The list may carry a sponsored announcement and a dismissal may be of one: no client
  // address goes into the log for either.
  http::RouteOptions anonymous;
  anonymous.anonymous_log = true;
  e.add(
      {"GET", "/api/v1/announcements", Access::kUser, {"read"}},
      [this](Call& c) { return list(c); }, anonymous);
  e.add(
      {"POST", "/api/v1/announcements/:id/dismiss", Access::kUser, {"write:accounts"}},
      [this](Call& c) { return dismiss(c); }, anonymous);
  e.add({"PUT", kV1AnnouncementsIdReactionsNamePath, Access::kUser, {"write:favourites"}},
        [this](Call& c) { return react(c); });
  e.add({"DELETE", kV1AnnouncementsIdReactionsNamePath, Access::kUser, {"write:favourites"}},
        [this](Call& c) { return unreact(c); });
}

}  // namespace lox::api::mastodon
