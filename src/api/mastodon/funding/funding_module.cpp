#include <loxodon/api/mastodon/funding/funding_module.hpp>

namespace lox::api::mastodon {

namespace {
// Paths registered for more than one method, written out once.
constexpr char kV1AdminFundingPath[] = "/api/v1/admin/funding";
}  // namespace

FundingModule::FundingModule(const config::Config& config, services::FundingService& funding)
    : config_(config), funding_(funding) {}

void FundingModule::add_routes(Endpoints& e) {
  // Served from the one-second page cache to anyone logged out: the figures are public and
  // the same for everyone, and the ledger aggregate should not run once per request.
  e.add({"GET", "/api/v1/instance/funding", Access::kPublic, {}, true},
        [this](Call& c) { return published(c); });
  e.add({"GET", kV1AdminFundingPath, Access::kUser, {"admin:read"}},
        [this](Call& c) { return settings(c); });
  e.add({"PUT", kV1AdminFundingPath, Access::kUser, {"admin:write"}},
        [this](Call& c) { return update_settings(c); });
  e.add({"POST", "/api/v1/admin/funding/stretch_goals", Access::kUser, {"admin:write"}},
        [this](Call& c) { return add_stretch_goal(c); });
  e.add({"DELETE", "/api/v1/admin/funding/stretch_goals/:id", Access::kUser, {"admin:write"}},
        [this](Call& c) { return remove_stretch_goal(c); });
}

}  // namespace lox::api::mastodon
