#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/scheduled_status_repository.hpp>
#include <loxodon/services/funding/entitlements.hpp>
#include <loxodon/services/statuses/scheduled_status_job.hpp>
#include <loxodon/services/statuses/scheduled_status_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>

namespace lox::services {

using nlohmann::json;
using std::chrono::system_clock;

namespace {
Error not_found() { return Error(ErrorCode::kNotFound, "Record not found"); }

std::int64_t epoch_ms(system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

template <class T>
std::optional<T> optional_field(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return j[key].get<T>();
}

// The job for one scheduled time; a reschedule makes a new one and the old one finds the
// time changed and does nothing.
void enqueue_publish(db::Tx& tx, const domain::ScheduledStatus& row) {
  jobs::JobOptions options;
  auto wait = std::chrono::ceil<std::chrono::seconds>(row.scheduled_at - system_clock::now());
  options.delay = std::max(wait, std::chrono::seconds(0));
  jobs::enqueue(tx, kScheduledPublishJob,
                ScheduledPublishPayload{row.id, epoch_ms(row.scheduled_at)}, options);
}
}  // namespace

json post_request_json(const PostRequest& r) {
  json poll = nullptr;
  if (r.poll) {
    poll = {{"options", r.poll->options},
            {"expires_in", r.poll->expires_in},
            {"multiple", r.poll->multiple},
            {"hide_totals", r.poll->hide_totals}};
  }
  return {{"text", r.text},
          {"spoiler_text", r.spoiler_text},
          {"visibility", r.visibility ? json(*r.visibility) : json(nullptr)},
          {"sensitive", r.sensitive},
          {"language", r.language ? json(*r.language) : json(nullptr)},
          {"in_reply_to_id", r.in_reply_to_id ? json(*r.in_reply_to_id) : json(nullptr)},
          {"application_id", r.application_id ? json(*r.application_id) : json(nullptr)},
          {"idempotency", r.idempotency_key ? json(*r.idempotency_key) : json(nullptr)},
          {"poll", poll},
          {"media_ids", r.media_ids}};
}

PostRequest post_request_from_json(const json& p) {
  PostRequest r;
  r.text = p.value("text", "");
  r.spoiler_text = p.value("spoiler_text", "");
  r.visibility = optional_field<std::string>(p, "visibility");
  r.sensitive = p.value("sensitive", false);
  r.language = optional_field<std::string>(p, "language");
  r.in_reply_to_id = optional_field<std::int64_t>(p, "in_reply_to_id");
  r.application_id = optional_field<std::int64_t>(p, "application_id");
  if (p.contains("media_ids") && p["media_ids"].is_array()) {
    r.media_ids = p["media_ids"].get<std::vector<std::int64_t>>();
  }
  if (p.contains("poll") && p["poll"].is_object()) {
    const json& poll = p["poll"];
    PollRequest pr;
    pr.options = poll.value("options", std::vector<std::string>{});
    pr.expires_in = poll.value("expires_in", std::int64_t{0});
    pr.multiple = poll.value("multiple", false);
    pr.hide_totals = poll.value("hide_totals", false);
    r.poll = std::move(pr);
  }
  return r;
}

ScheduledStatusService::ScheduledStatusService(const config::Config& config, db::Database& db,
                                               SnowflakeGenerator& ids, StatusService& statuses)
    : config_(config), db_(db), ids_(ids), statuses_(statuses) {}

void ScheduledStatusService::check_limits(db::Tx& tx, std::int64_t account_id, std::int64_t total,
                                          std::int64_t same_day, bool adding) const {
  Limits limits = effective_limits(config_, {});
  // Only someone at the instance's limits pays for the membership lookup.
  if ((adding && total >= limits.max_scheduled_posts) || same_day >= limits.max_scheduled_per_day) {
    limits =
        effective_limits(config_, current_entitlements(tx, account_id, config_.funding.grace_days));
  }
  const std::int64_t total_limit = limits.max_scheduled_posts;
  const std::int64_t daily_limit = limits.max_scheduled_per_day;
  ValidationErrors errors;
  if (adding && total >= total_limit) {
    errors.add(
        "scheduled_at", "Scheduled at", "ERR_INVALID",
        "You have exceeded the limit of " + std::to_string(total_limit) + " scheduled posts");
  } else if (same_day >= daily_limit) {
    errors.add("scheduled_at", "Scheduled at", "ERR_INVALID",
               "You have exceeded the limit of " + std::to_string(daily_limit) +
                   " scheduled posts for that day");
  }
  errors.throw_if_any();
}

void ScheduledStatusService::check_time(system_clock::time_point at) const {
  if (at < system_clock::now() + kMinimumOffset) {
    ValidationErrors errors;
    errors.add("scheduled_at", "Scheduled at", "ERR_INVALID",
               "The scheduled date must be at least 5 minutes in the future");
    errors.throw_if_any();
  }
}

awaitable<PostOutcome> ScheduledStatusService::post_or_schedule(
    domain::UserWithAccount author, PostRequest request,
    std::optional<system_clock::time_point> at) {
  PostOutcome out;
  if (at && *at > system_clock::now()) {
    out.scheduled = co_await schedule(author, std::move(request), *at);
  } else {
    out.posted = co_await statuses_.post(author, std::move(request));
  }
  co_return out;
}

awaitable<domain::ScheduledStatus> ScheduledStatusService::schedule(domain::UserWithAccount author,
                                                                    PostRequest request,
                                                                    system_clock::time_point at) {
  const std::int64_t me = author.account.id;
  if (request.idempotency_key) {
    std::string key = *request.idempotency_key;
    auto existing = co_await db_.read(
        [&](db::Tx& tx) { return db::ScheduledStatusRepository::by_idempotency_key(tx, me, key); });
    if (existing) co_return *existing;
  }
  check_time(at);
  if (!request.visibility) request.visibility = author.user.default_privacy;
  // Everything posting would refuse is refused now, not silently at the scheduled time.
  co_await statuses_.check(author, request);
  domain::ScheduledStatus row;
  row.id = ids_.next();
  row.account_id = me;
  row.scheduled_at = at;
  row.params = post_request_json(request).dump();
  row.idempotency_key = request.idempotency_key;
  bool inserted = co_await db_.tx([&](db::Tx& tx) {
    auto counts = db::ScheduledStatusRepository::counts(tx, me, at, 0);
    check_limits(tx, me, counts.total, counts.same_day, true);
    if (!db::ScheduledStatusRepository::insert(tx, row)) return false;
    enqueue_publish(tx, row);
    return true;
  });
  if (!inserted) {  // the same key raced in from another request
    std::string key = request.idempotency_key.value_or("");
    auto existing = co_await db_.read(
        [&](db::Tx& tx) { return db::ScheduledStatusRepository::by_idempotency_key(tx, me, key); });
    if (existing) co_return *existing;
  }
  co_return row;
}

awaitable<std::vector<domain::ScheduledStatus>> ScheduledStatusService::list(
    std::int64_t me, domain::PageRequest page) {
  co_return co_await db_.read(
      [&](db::Tx& tx) { return db::ScheduledStatusRepository::page(tx, me, page); });
}

awaitable<domain::ScheduledStatus> ScheduledStatusService::get(std::int64_t me, std::int64_t id) {
  auto row =
      co_await db_.read([&](db::Tx& tx) { return db::ScheduledStatusRepository::get(tx, me, id); });
  if (!row) throw not_found();
  co_return *row;
}

awaitable<domain::ScheduledStatus> ScheduledStatusService::reschedule(std::int64_t me,
                                                                      std::int64_t id,
                                                                      system_clock::time_point at) {
  co_await get(me, id);
  check_time(at);
  auto row = co_await db_.tx([&](db::Tx& tx) -> std::optional<domain::ScheduledStatus> {
    auto counts = db::ScheduledStatusRepository::counts(tx, me, at, id);
    check_limits(tx, me, counts.total, counts.same_day, false);
    if (!db::ScheduledStatusRepository::reschedule(tx, me, id, at)) return std::nullopt;
    auto updated = db::ScheduledStatusRepository::get(tx, me, id);
    if (updated) enqueue_publish(tx, *updated);
    return updated;
  });
  if (!row) throw not_found();
  co_return *row;
}

awaitable<void> ScheduledStatusService::cancel(std::int64_t me, std::int64_t id) {
  bool removed = co_await db_.tx(
      [&](db::Tx& tx) { return db::ScheduledStatusRepository::remove(tx, me, id); });
  if (!removed) throw not_found();
}

awaitable<void> ScheduledStatusService::run_publish(ScheduledPublishPayload payload) {
  const std::int64_t id = payload.id;
  const std::int64_t due = payload.scheduled_at;
  auto found =
      co_await db_.read([&](db::Tx& tx) { return db::ScheduledStatusRepository::find(tx, id); });
  if (!found || epoch_ms(found->scheduled_at) != due) co_return;  // cancelled or rescheduled
  const auto row = *found;
  auto author = co_await db_.read(
      [&](db::Tx& tx) { return db::AccountRepository::user_by_account(tx, row.account_id); });
  if (author && !author->account.suspended_at && !author->user.disabled) {
    PostRequest request = post_request_from_json(json::parse(row.params));
    // A retry after a crash between posting and deleting the row finds the same status.
    request.idempotency_key = "scheduled:" + std::to_string(row.id);
    try {
      co_await statuses_.post(*author, request);
    } catch (const Error& e) {
      // What can no longer be posted (the replied-to status is gone, the text no longer fits
      // the limit) is dropped, as Mastodon drops it. Database trouble is retried.
      if (e.code() != ErrorCode::kUnprocessable && e.code() != ErrorCode::kNotFound &&
          e.code() != ErrorCode::kForbidden) {
        throw;
      }
    }
  }
  co_await db_.tx([&](db::Tx& tx) { db::ScheduledStatusRepository::remove(tx, id); });
}

}  // namespace lox::services
