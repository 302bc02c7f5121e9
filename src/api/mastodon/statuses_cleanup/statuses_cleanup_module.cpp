#include <loxodon/api/mastodon/statuses_cleanup/statuses_cleanup_module.hpp>

namespace lox::api::mastodon {

namespace {
// Paths registered for more than one method, written out once.
constexpr char kV1StatusesCleanupPolicyPath[] = "/api/v1/statuses_cleanup_policy";
}  // namespace

StatusesCleanupModule::StatusesCleanupModule(services::StatusesCleanupService& cleanup)
    : cleanup_(cleanup) {}

void StatusesCleanupModule::add_routes(Endpoints& e) {
  e.add({"GET", kV1StatusesCleanupPolicyPath, Access::kUser, {"read:accounts"}},
        [this](Call& c) { return get(c); });
  e.add({"PUT", kV1StatusesCleanupPolicyPath, Access::kUser, {"write:accounts"}},
        [this](Call& c) { return update(c); });
}

}  // namespace lox::api::mastodon
