#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/conversation_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/media_repository.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/services/media/media_service.hpp>
#include <loxodon/services/moderation/report_service.hpp>
#include <loxodon/services/polls/poll_jobs.hpp>

#include <algorithm>

namespace lox::services {

using nlohmann::json;

// A vote on one of our polls: Create(Note) named after an option, replying to the Question.
awaitable<void> InboxService::on_vote(const json& activity) {
  const json& note = activity["object"];
  const std::string question = activitypub::id_of(note.value("inReplyTo", json()));
  const json option_value = note.value("name", json());  // never o["name"] on a const object
  const std::string option = option_value.is_string() ? option_value.get<std::string>() : "";
  if (!question.starts_with(config_.base_url() + "/") || option.empty()) co_return;
  auto voter = co_await remote_actor(activitypub::id_of(activity["actor"]));
  if (!voter) co_return;
  std::int64_t row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    auto status = db::StatusRepository::by_uri(tx, question);
    // A vote counts only from someone who may see the poll (followers-only, direct, blocked).
    if (!status || !db::StatusRepository::visible(tx, status->id, voter->id)) return;
    std::vector<std::int64_t> one{status->id};
    auto views = db::StatusRepository::views(tx, one, voter->id);
    if (views.empty() || !views[0].poll || views[0].poll->expired) return;
    const auto& poll = *views[0].poll;
    auto it = std::find(poll.options.begin(), poll.options.end(), option);
    if (it == poll.options.end()) return;
    int choice = static_cast<int>(it - poll.options.begin());
    bool already =
        std::find(poll.own_votes.begin(), poll.own_votes.end(), choice) != poll.own_votes.end();
    if (already || (!poll.multiple && !poll.own_votes.empty())) return;
    db::StatusRepository::add_vote(tx, row, poll.id, voter->id, choice);
    enqueue_poll_update(tx, status->id);
  });
}

}  // namespace lox::services
