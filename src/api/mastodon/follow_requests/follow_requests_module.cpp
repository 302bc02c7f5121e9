#include <loxodon/api/mastodon/follow_requests/follow_requests_module.hpp>

namespace lox::api::mastodon {

FollowRequestsModule::FollowRequestsModule(const config::Config& config,
                                           services::RelationshipService& relationships)
    : config_(config), relationships_(relationships) {}

void FollowRequestsModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/follow_requests", Access::kUser, {"read:follows"}},
        [this](Call& c) { return list(c); });
  e.add({"POST", "/api/v1/follow_requests/:id/authorize", Access::kUser, {"write:follows"}},
        [this](Call& c) { return authorize(c); });
  e.add({"POST", "/api/v1/follow_requests/:id/reject", Access::kUser, {"write:follows"}},
        [this](Call& c) { return reject(c); });
}

}  // namespace lox::api::mastodon
