#include <loxodon/api/mastodon/mutes/mutes_module.hpp>

namespace lox::api::mastodon {

MutesModule::MutesModule(const config::Config& config, services::RelationshipService& relationships)
    : config_(config), relationships_(relationships) {}

void MutesModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/mutes", Access::kUser, {"read:mutes"}},
        [this](Call& c) { return list(c); });
}

}  // namespace lox::api::mastodon
