#include <loxodon/api/mastodon/endorsements/endorsements_module.hpp>

namespace lox::api::mastodon {

EndorsementsModule::EndorsementsModule(const config::Config& config,
                                       services::RelationshipService& relationships)
    : config_(config), relationships_(relationships) {}

void EndorsementsModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/endorsements", Access::kUser, {"read:accounts"}},
        [this](Call& c) { return list(c); });
}

}  // namespace lox::api::mastodon
