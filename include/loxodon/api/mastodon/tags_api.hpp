#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/notification_service.hpp>
#include <loxodon/services/relationship_service.hpp>
#include <loxodon/services/tag_service.hpp>

namespace lox::api::mastodon {

// Hashtags (view, follow, followed list, featured tags), account domain blocks and the unread
// notification count: the small per-account preferences clients read at launch.
class TagsApi {
 public:
  TagsApi(const config::Config& config, services::TagService& tags,
          services::RelationshipService& relationships,
          services::NotificationService& notifications);
  void add_routes(Endpoints& endpoints);

 private:
  void add_domain_block_routes(Endpoints& endpoints);

  const config::Config& config_;
  services::TagService& tags_;
  services::RelationshipService& relationships_;
  services::NotificationService& notifications_;
};

}  // namespace lox::api::mastodon
