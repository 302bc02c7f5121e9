#include <loxodon/api/mastodon/plans/plans_module.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1AdminMembershipsPath[] = "/api/v1/admin/memberships";
constexpr char kV1AdminPlansPath[] = "/api/v1/admin/plans";
constexpr char kV1AdminSeatsPath[] = "/api/v1/admin/seats";

}  // namespace

PlansModule::PlansModule(const config::Config& config, services::MembershipService& memberships)
    : config_(config), memberships_(memberships) {}

void PlansModule::add_routes(Endpoints& e) {
  e.add({"POST", kV1AdminPlansPath, Access::kUser, {"admin:write"}},
        [this](Call& c) { return create_plan(c); });
  e.add({"GET", "/api/v1/funding/membership", Access::kUser, {"read:accounts"}},
        [this](Call& c) { return my_membership(c); });
  e.add({"GET", kV1AdminPlansPath, Access::kUser, {"admin:read"}},
        [this](Call& c) { return plans(c); });
  e.add({"POST", kV1AdminMembershipsPath, Access::kUser, {"admin:write"}},
        [this](Call& c) { return comp(c); });
  e.add({"POST", "/api/v1/admin/memberships/:id/end", Access::kUser, {"admin:write"}},
        [this](Call& c) { return end_comp(c); });
  e.add({"GET", kV1AdminSeatsPath, Access::kUser, {"admin:read"}},
        [this](Call& c) { return seats(c); });
  e.add({"POST", kV1AdminSeatsPath, Access::kUser, {"admin:write"}},
        [this](Call& c) { return record_seat(c); });
  e.add({"POST", "/api/v1/admin/seats/:id/assign", Access::kUser, {"admin:write"}},
        [this](Call& c) { return assign_seat(c); });
  e.add({"GET", kV1AdminMembershipsPath, Access::kUser, {"admin:read"}},
        [this](Call& c) { return memberships(c); });
}

}  // namespace lox::api::mastodon
