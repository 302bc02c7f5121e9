#include <loxodon/services/media/media_jobs.hpp>

namespace lox::services {

void enqueue_media_processing(db::Tx& tx, std::int64_t media_id) {
  jobs::enqueue(tx, kProcessMediaJob, MediaPayload{media_id});
}

void enqueue_remote_media_fetch(db::Tx& tx, std::int64_t media_id) {
  jobs::JobOptions options;
  options.max_attempts = 5;  // a server down for a few hours; after that the link remains
  jobs::enqueue(tx, kFetchRemoteMediaJob, MediaPayload{media_id}, options);
}

}  // namespace lox::services
