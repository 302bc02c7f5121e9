#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/instance/announcement_feed_service.hpp>
#include <loxodon/services/instance/announcement_service.hpp>

namespace lox::api::mastodon {

// /api/v1/announcements for signed-in users: the active list (with_dismissed; staff
// announcements, then a donation prompt and a sponsored announcement when meant for them),
// dismissing, and emoji reactions on staff announcements. The routes are listed in
// announcements_module.cpp; each handler lives in a file of its own.
class AnnouncementsModule {
 public:
  AnnouncementsModule(const config::Config& config, services::AnnouncementService& announcements,
                      services::AnnouncementFeedService& feed);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> list(Call& call);
  awaitable<http::Response> dismiss(Call& call);
  awaitable<http::Response> react(Call& call);
  awaitable<http::Response> unreact(Call& call);

  const config::Config& config_;
  services::AnnouncementService& announcements_;
  services::AnnouncementFeedService& feed_;
};

}  // namespace lox::api::mastodon
