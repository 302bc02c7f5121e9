#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/announcement_service.hpp>

namespace lox::api::mastodon {

// Staff announcements for signed-in users: the active list (with_dismissed), dismissing, and
// emoji reactions.
class AnnouncementsApi {
 public:
  AnnouncementsApi(const config::Config& config, services::AnnouncementService& announcements);
  void add_routes(Endpoints& endpoints);

 private:
  const config::Config& config_;
  services::AnnouncementService& announcements_;
};

}  // namespace lox::api::mastodon
