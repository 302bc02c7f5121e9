#pragma once

#include <loxodon/jobs/job_kind.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>

namespace lox::services {

// One scheduled status at the time the job was made for (milliseconds since the epoch): a
// reschedule makes a new job, and the old one finds the time changed and does nothing.
struct ScheduledPublishPayload {
  std::int64_t id = 0;
  std::int64_t scheduled_at = 0;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ScheduledPublishPayload, id, scheduled_at)

// Handled by ScheduledStatusService::run_publish.
inline constexpr jobs::JobKind<ScheduledPublishPayload> kScheduledPublishJob{
    "scheduled_status.publish", "default", "posts a scheduled status when it is due"};

}  // namespace lox::services
