#include <loxodon/api/mastodon/scheduled_statuses/scheduled_statuses_module.hpp>

namespace lox::api::mastodon {

namespace {
// Paths registered for more than one method, written out once.
constexpr char kV1ScheduledStatusesIdPath[] = "/api/v1/scheduled_statuses/:id";
}  // namespace

ScheduledStatusesModule::ScheduledStatusesModule(const config::Config& config,
                                                 services::ScheduledStatusService& scheduled)
    : config_(config), scheduled_(scheduled) {}

void ScheduledStatusesModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/scheduled_statuses", Access::kUser, {"read:statuses"}},
        [this](Call& c) { return list(c); });
  e.add({"GET", kV1ScheduledStatusesIdPath, Access::kUser, {"read:statuses"}},
        [this](Call& c) { return show(c); });
  e.add({"PUT", kV1ScheduledStatusesIdPath, Access::kUser, {"write:statuses"}},
        [this](Call& c) { return reschedule(c); });
  e.add({"DELETE", kV1ScheduledStatusesIdPath, Access::kUser, {"write:statuses"}},
        [this](Call& c) { return cancel(c); });
}

}  // namespace lox::api::mastodon
