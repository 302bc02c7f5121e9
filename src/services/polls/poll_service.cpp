#include <loxodon/activitypub/interaction_documents.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/services/polls/poll_jobs.hpp>
#include <loxodon/services/polls/poll_service.hpp>
#include <loxodon/util/error.hpp>

namespace lox::services {

namespace {
Error not_found() { return Error(ErrorCode::kNotFound, "Record not found"); }

enum class VoteOutcome { kOk, kMissing, kExpired, kVoted, kInvalid, kHidden };

void throw_unless_ok(VoteOutcome outcome) {
  switch (outcome) {
    case VoteOutcome::kMissing:
    case VoteOutcome::kHidden:
      throw not_found();
    case VoteOutcome::kExpired:
      throw Error(ErrorCode::kUnprocessable, "Validation failed: The poll has already ended");
    case VoteOutcome::kVoted:
      throw Error(ErrorCode::kUnprocessable,
                  "Validation failed: You have already voted on this poll");
    case VoteOutcome::kInvalid:
      throw Error(ErrorCode::kUnprocessable, "Validation failed: Choices are invalid");
    case VoteOutcome::kOk:
      break;
  }
}
}  // namespace

PollService::PollService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
                         StatusReader& reader)
    : config_(config), db_(db), ids_(ids), reader_(reader) {}

awaitable<StatusPage> PollService::poll(std::int64_t poll_id, std::int64_t viewer) {
  auto status_id = co_await db_.tx([&](db::Tx& tx) -> std::optional<std::int64_t> {
    auto p = db::StatusRepository::poll_for_vote(tx, poll_id, viewer);
    if (!p) return std::nullopt;
    return p->status_id;
  });
  if (!status_id) throw not_found();
  co_return co_await reader_.get(*status_id, viewer);
}

// A vote on another server's poll goes to the poll's author, one Create(Note) per choice.
void PollService::send_votes(db::Tx& tx, const db::PollForVote& poll, std::int64_t voter,
                             const std::set<int>& choices,
                             const std::vector<std::int64_t>& row_ids) {
  auto author = db::AccountRepository::inboxes(tx, poll.account_id);
  auto me = db::AccountRepository::find(tx, voter);
  if (!author || author->inbox.empty() || author->uri.empty() || !me || me->domain) return;
  std::vector<std::int64_t> one{poll.status_id};
  auto views = db::StatusRepository::views(tx, one, voter);
  if (views.empty() || !views[0].poll || !views[0].status.uri) return;
  const std::string actor = config_.actor_url(me->username);
  const auto& options = views[0].poll->options;
  std::size_t i = 0;
  for (int c : choices) {
    if (c < 0 || static_cast<std::size_t>(c) >= options.size()) continue;
    auto create =
        activitypub::vote_activity(actor, row_ids[i++], options[static_cast<std::size_t>(c)],
                                   author->uri, *views[0].status.uri);
    federation::enqueue_delivery(tx, author->inbox, create, voter);
  }
}

awaitable<StatusPage> PollService::vote(std::int64_t poll_id, std::int64_t voter,
                                        std::vector<int> choices) {
  std::vector<std::int64_t> row_ids;
  for (std::size_t i = 0; i < choices.size(); ++i) row_ids.push_back(ids_.next());
  std::int64_t status_id = 0;
  auto outcome = co_await db_.tx([&](db::Tx& tx) {
    auto p = db::StatusRepository::poll_for_vote(tx, poll_id, voter);
    if (!p) return VoteOutcome::kMissing;
    status_id = p->status_id;
    if (!db::StatusRepository::visible(tx, p->status_id, voter)) return VoteOutcome::kHidden;
    if (p->expired) return VoteOutcome::kExpired;
    if (p->voted) return VoteOutcome::kVoted;
    std::set<int> unique(choices.begin(), choices.end());
    if (unique.empty() || unique.size() != choices.size() || (!p->multiple && unique.size() > 1) ||
        *unique.begin() < 0 || *unique.rbegin() >= p->option_count) {
      return VoteOutcome::kInvalid;
    }
    std::size_t i = 0;
    for (int c : unique) db::StatusRepository::add_vote(tx, row_ids[i++], poll_id, voter, c);
    send_votes(tx, *p, voter, unique, row_ids);
    enqueue_poll_update(tx, p->status_id);  // federates only when the poll is ours
    return VoteOutcome::kOk;
  });
  throw_unless_ok(outcome);
  // From the primary whatever the read-your-writes window: the answer shows this vote.
  auto shown = co_await reader_.one(status_id, voter);
  if (shown.statuses.empty()) throw not_found();
  co_return shown;
}

}  // namespace lox::services
