#pragma once

#include <loxodon/jobs/job_kind.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>

namespace lox::services {

struct AnnouncementPayload {
  std::int64_t id = 0;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(AnnouncementPayload, id)

// Handled by AnnouncementService::run_publish.
inline constexpr jobs::JobKind<AnnouncementPayload> kPublishAnnouncementJob{
    "announcement.publish", "default", "publishes a scheduled announcement and streams it"};

}  // namespace lox::services
