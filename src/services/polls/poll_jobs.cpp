#include <loxodon/db/database.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/services/notifications/notify_job.hpp>
#include <loxodon/services/polls/poll_jobs.hpp>
#include <loxodon/services/statuses/status_federation.hpp>

#include <string>

namespace lox::services {

void enqueue_poll_expiry(db::Tx& tx, std::int64_t status_id, std::chrono::seconds closes_in) {
  jobs::JobOptions options;
  options.delay = closes_in;
  jobs::enqueue(tx, kPollExpiredJob, PollStatusPayload{status_id}, options);
}

void enqueue_poll_update(db::Tx& tx, std::int64_t status_id) {
  jobs::JobOptions options;
  options.delay = std::chrono::seconds(10);
  options.dedupe_key = "poll_update:" + std::to_string(status_id);
  jobs::enqueue(tx, kPollUpdateJob, PollStatusPayload{status_id}, options);
}

PollJobs::PollJobs(const config::Config& config, db::Database& db) : config_(config), db_(db) {}

awaitable<void> PollJobs::run_update(PollStatusPayload payload) {
  co_await db_.tx([&](db::Tx& tx) {
    auto status = db::StatusRepository::find(tx, payload.status_id);
    if (status && status->local) federate_status(tx, config_, *status, false, true);
  });
}

awaitable<void> PollJobs::run_expired(PollStatusPayload payload) {
  const std::int64_t status_id = payload.status_id;
  co_await db_.tx([&](db::Tx& tx) {
    auto poll = db::StatusRepository::poll_of_status(tx, status_id);
    if (!poll) return;
    // Other servers learn that it closed, with the final counts.
    auto status = db::StatusRepository::find(tx, status_id);
    if (status && status->local) federate_status(tx, config_, *status, false, true);
    // Voters and the author hear that the poll ended (Mastodon names the author as sender).
    for (auto voter : db::StatusRepository::poll_voters(tx, poll->poll_id)) {
      enqueue_notification(tx, voter, poll->account_id, "poll", status_id);
    }
    enqueue_notification(tx, poll->account_id, poll->account_id, "poll", status_id);
  });
}

}  // namespace lox::services
