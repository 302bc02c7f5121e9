#include <loxodon/api/mastodon/domain_blocks/domain_blocks_module.hpp>

namespace lox::api::mastodon {

namespace {
// One path, three methods: written out once.
constexpr char kV1DomainBlocksPath[] = "/api/v1/domain_blocks";
}  // namespace

DomainBlocksModule::DomainBlocksModule(const config::Config& config,
                                       services::RelationshipService& relationships)
    : config_(config), relationships_(relationships) {}

void DomainBlocksModule::add_routes(Endpoints& e) {
  e.add({"GET", kV1DomainBlocksPath, Access::kUser, {"read:blocks"}},
        [this](Call& c) { return list(c); });
  e.add({"POST", kV1DomainBlocksPath, Access::kUser, {"write:blocks"}},
        [this](Call& c) { return block(c); });
  e.add({"DELETE", kV1DomainBlocksPath, Access::kUser, {"write:blocks"}},
        [this](Call& c) { return unblock(c); });
}

}  // namespace lox::api::mastodon
