#include <loxodon/api/mastodon/blocks/blocks_module.hpp>

namespace lox::api::mastodon {

BlocksModule::BlocksModule(const config::Config& config,
                           services::RelationshipService& relationships)
    : config_(config), relationships_(relationships) {}

void BlocksModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/blocks", Access::kUser, {"read:blocks"}},
        [this](Call& c) { return list(c); });
}

}  // namespace lox::api::mastodon
