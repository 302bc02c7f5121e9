#pragma once

#include <loxodon/jobs/job_kind.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>

namespace lox::db {
class Tx;
}

namespace lox::services {

struct MediaPayload {
  std::int64_t media_id = 0;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(MediaPayload, media_id)

// Handled by MediaService (run_process, run_fetch_remote).
inline constexpr jobs::JobKind<MediaPayload> kProcessMediaJob{
    "media.process", "media", "processes an upload: orientation, sizes, metadata, blurhash"};
inline constexpr jobs::JobKind<MediaPayload> kFetchRemoteMediaJob{
    "media.fetch_remote", "media", "downloads a remote status's attachment and processes it"};

// Both enqueue in the caller's transaction.
void enqueue_media_processing(db::Tx& tx, std::int64_t media_id);
void enqueue_remote_media_fetch(db::Tx& tx, std::int64_t media_id);

}  // namespace lox::services
