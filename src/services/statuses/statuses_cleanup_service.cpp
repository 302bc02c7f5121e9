#include <loxodon/db/database.hpp>
#include <loxodon/db/statuses_cleanup_repository.hpp>
#include <loxodon/services/funding/entitlements.hpp>
#include <loxodon/services/statuses/status_service.hpp>
#include <loxodon/services/statuses/statuses_cleanup_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>

namespace lox::services {

StatusesCleanupService::StatusesCleanupService(const config::Config& config, db::Database& db,
                                               StatusService& statuses)
    : config_(config), db_(db), statuses_(statuses) {}

awaitable<domain::StatusesCleanupPolicy> StatusesCleanupService::policy(std::int64_t account_id) {
  auto found = co_await db_.read(
      [&](db::Tx& tx) { return db::StatusesCleanupRepository::find(tx, account_id); });
  if (found) co_return *found;
  domain::StatusesCleanupPolicy fresh;
  fresh.account_id = account_id;
  co_return fresh;
}

awaitable<domain::StatusesCleanupPolicy> StatusesCleanupService::update(
    std::int64_t account_id, StatusesCleanupUpdate update) {
  auto p = co_await policy(account_id);
  const bool was_enabled = p.enabled;
  ValidationErrors errors;
  if (update.min_status_age_days) {
    auto days = *update.min_status_age_days;
    if (days < domain::kMinCleanupAgeDays || days > domain::kMaxCleanupAgeDays) {
      errors.add("min_status_age_days", "Min status age days", "ERR_INVALID",
                 "must be " + std::to_string(domain::kMinCleanupAgeDays) + " to " +
                     std::to_string(domain::kMaxCleanupAgeDays));
    } else {
      p.min_status_age_days = static_cast<int>(days);
    }
  }
  auto minimum = [&](const std::optional<long long>& value, std::optional<int>& into,
                     const char* field, const char* label) {
    if (!value) return;
    if (*value < 0 || *value > 1000000) {
      errors.add(field, label, "ERR_INVALID", "must be 0 (none) to 1000000");
    } else if (*value == 0) {
      into.reset();
    } else {
      into = static_cast<int>(*value);
    }
  };
  minimum(update.min_favs, p.min_favs, "min_favs", "Min favs");
  minimum(update.min_reblogs, p.min_reblogs, "min_reblogs", "Min reblogs");
  if (update.keep_direct) p.keep_direct = *update.keep_direct;
  if (update.keep_pinned) p.keep_pinned = *update.keep_pinned;
  if (update.keep_polls) p.keep_polls = *update.keep_polls;
  if (update.keep_media) p.keep_media = *update.keep_media;
  if (update.keep_self_fav) p.keep_self_fav = *update.keep_self_fav;
  if (update.keep_self_bookmark) p.keep_self_bookmark = *update.keep_self_bookmark;
  if (update.enabled) p.enabled = *update.enabled;
  if (p.enabled && !was_enabled) {
    // Switching it on needs the perk; switching it off never does.
    auto granted = co_await db_.read([&](db::Tx& tx) {
      return current_entitlements(tx, account_id, config_.funding.grace_days);
    });
    if (auto refusal = privacy_tool_refusal(config_, granted, "statuses_cleanup")) {
      errors.add("enabled", "Enabled", "ERR_INVALID", *refusal);
    }
  }
  errors.throw_if_any();
  co_await db_.tx([&](db::Tx& tx) { db::StatusesCleanupRepository::upsert(tx, p); });
  co_return p;
}

awaitable<std::size_t> StatusesCleanupService::run() {
  std::size_t deleted = 0;
  while (deleted < static_cast<std::size_t>(kPerRun)) {
    auto due = co_await db_.tx(
        [&](db::Tx& tx) { return db::StatusesCleanupRepository::take_due(tx, 20); });
    if (due.empty()) break;  // each policy is taken once a run, so this ends
    for (const auto& p : due) {
      auto ids = co_await db_.read([&](db::Tx& tx) {
        return db::StatusesCleanupRepository::candidates(tx, p, kPerAccountPerRun);
      });
      for (auto id : ids) {
        if (deleted >= static_cast<std::size_t>(kPerRun)) break;  // the rest next hour
        try {
          co_await statuses_.remove(id, p.account_id);
          ++deleted;
        } catch (const Error&) {
          // Deleted meanwhile by its author or a moderator: nothing left to do.
        } catch (const std::exception&) {
          // A database hiccup (a deadlock with the author's own deletion): this post is
          // tried again next hour, the others go on.
        }
      }
    }
  }
  co_return deleted;
}

}  // namespace lox::services
