#pragma once

#include <loxodon/jobs/job_kind.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>

namespace lox::services {

struct PreviewCardPayload {
  std::int64_t status_id = 0;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(PreviewCardPayload, status_id)

// Enqueued by PreviewCardService::enqueue, handled by PreviewCardService::run_fetch.
inline constexpr jobs::JobKind<PreviewCardPayload> kFetchPreviewCardJob{
    "status.fetch_card", "media", "fetches the page a status links to and attaches its card"};

}  // namespace lox::services
