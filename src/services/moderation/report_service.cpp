#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/report_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/services/instance/mailer.hpp>
#include <loxodon/services/moderation/report_service.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

namespace lox::services {

namespace {

constexpr std::int64_t kAdministrator = 1;
constexpr std::int64_t kManageReports = 1 << 4;

bool valid_category(const std::string& c) {
  return c == "spam" || c == "legal" || c == "violation" || c == "other";
}

std::string acct_of(const domain::Account& a) {
  return a.domain ? a.username + "@" + *a.domain : a.username;
}

// Staff hear of each new report (Mastodon's AdminMailer#new_report).
void tell_moderators(db::Tx& tx, const Mailer& mailer, const config::Config& config,
                     const domain::Report& report) {
  if (!mailer.enabled()) return;
  auto reporter = db::AccountRepository::find(tx, report.account_id);
  auto target = db::AccountRepository::find(tx, report.target_account_id);
  if (!reporter || !target) return;
  std::string body =
      "@" + acct_of(*reporter) + " reported @" + acct_of(*target) +
      (report.forwarded && reporter->domain ? " (from " + *reporter->domain + ")" : "") +
      ".\n\nCategory: " + report.category +
      "\nStatuses: " + std::to_string(report.status_ids.size()) + "\n\n" +
      (report.comment.empty() ? "(no comment)" : report.comment) +
      "\n\nReview it in an app's moderation view or with `loxodon reports list`; "
      "`loxodon reports resolve " +
      std::to_string(report.id) + "` closes it.\n";
  for (const auto& email : db::ReportRepository::moderator_emails(tx)) {
    mailer.enqueue(
        tx,
        {email, "New report for " + config.domain + " (#" + std::to_string(report.id) + ")", body});
  }
}

}  // namespace

ReportService::ReportService(const config::Config& config, db::Database& db,
                             SnowflakeGenerator& ids, Mailer& mailer, StatusReader& statuses)
    : config_(config), db_(db), ids_(ids), mailer_(mailer), statuses_(statuses) {}

awaitable<std::vector<ReportView>> ReportService::views(std::vector<domain::Report> reports,
                                                        std::optional<std::int64_t> staff) {
  std::vector<ReportView> out;
  co_await db_.read([&](db::Tx& tx) {
    for (auto& report : reports) {
      auto reporter = db::AccountRepository::find(tx, report.account_id);
      auto target = db::AccountRepository::find(tx, report.target_account_id);
      if (!reporter || !target) continue;
      ReportView view{std::move(report), std::move(*reporter), std::move(*target), {}, {}, {}, {}};
      if (view.reporter.local()) {
        if (auto u = db::AccountRepository::user_by_account(tx, view.reporter.id)) {
          view.reporter_user = u->user;
        }
      }
      if (view.target.local()) {
        if (auto u = db::AccountRepository::user_by_account(tx, view.target.id)) {
          view.target_user = u->user;
        }
      }
      if (view.report.action_taken_by_account_id) {
        view.action_taken_by =
            db::AccountRepository::find(tx, *view.report.action_taken_by_account_id);
      }
      out.push_back(std::move(view));
    }
  });
  if (staff) {
    // Staff see what was reported whatever its visibility (as Mastodon's admin view does).
    for (auto& view : out) {
      view.statuses = co_await statuses_.render(view.report.status_ids, *staff);
    }
  }
  co_return out;
}

bool ReportService::may_moderate(const domain::User& user) {
  return (user.role.permissions & (kAdministrator | kManageReports)) != 0;
}

awaitable<ReportView> ReportService::create(std::int64_t reporter, ReportRequest r) {
  if (r.category.empty()) r.category = "other";
  if (!valid_category(r.category)) {
    throw Error(ErrorCode::kUnprocessable,
                "Validation failed: Category is not one of spam, legal, violation, other");
  }
  if (utf8_length(r.comment) > domain::kMaxReportComment) {
    throw Error(ErrorCode::kUnprocessable,
                "Validation failed: Comment is too long (maximum is 1000 characters)");
  }
  std::sort(r.status_ids.begin(), r.status_ids.end());
  r.status_ids.erase(std::unique(r.status_ids.begin(), r.status_ids.end()), r.status_ids.end());
  if (r.status_ids.size() > 100) {
    throw Error(ErrorCode::kUnprocessable, "Validation failed: too many statuses");
  }
  domain::Report report;
  report.id = ids_.next();
  report.account_id = reporter;
  report.target_account_id = r.account_id;
  report.status_ids = r.status_ids;
  report.comment = r.comment;
  report.category = r.category;
  co_await db_.tx([&](db::Tx& tx) {
    auto target = db::AccountRepository::find(tx, r.account_id);
    if (!target) throw Error(ErrorCode::kNotFound, "Record not found");
    for (auto id : r.status_ids) {
      auto status = db::StatusRepository::find(tx, id);
      if (!status || status->account_id != target->id ||
          !db::StatusRepository::visible(tx, id, reporter)) {
        throw Error(ErrorCode::kNotFound, "Record not found");
      }
    }
    std::vector<std::string> status_uris;
    for (auto id : r.status_ids) {
      if (auto status = db::StatusRepository::find(tx, id); status && status->uri) {
        status_uris.push_back(*status->uri);
      }
    }
    // A copy goes to a remote account's server when asked, from the instance actor: the
    // other server learns what was reported, not who reported it.
    auto inboxes =
        target->domain && r.forward ? db::AccountRepository::inboxes(tx, target->id) : std::nullopt;
    if (inboxes && target->uri) {
      report.forwarded = true;
      report.uri = config_.base_url() + "/reports/" + std::to_string(report.id);
      federation::enqueue_delivery(
          tx, inboxes->inbox,
          activitypub::flag_activity(*report.uri, config_.base_url() + "/actor", *target->uri,
                                     status_uris, report.comment),
          federation::kInstanceActorSigner);
    }
    db::ReportRepository::insert(tx, report);
    tell_moderators(tx, mailer_, config_, report);
  });
  auto stored =
      co_await db_.read([&](db::Tx& tx) { return db::ReportRepository::find(tx, report.id); });
  std::vector<domain::Report> one{*stored};
  auto made = co_await views(std::move(one), std::nullopt);
  co_return made.at(0);
}

awaitable<int> ReportService::receive_flag(std::int64_t reporter, activitypub::RemoteFlag flag) {
  const std::string users = config_.base_url() + "/users/";
  std::vector<std::int64_t> new_ids;  // at most 16 accounts reported by one Flag
  for (int i = 0; i < 16; ++i) new_ids.push_back(ids_.next());
  co_return co_await db_.tx([&](db::Tx& tx) {
    // Local accounts named (by actor id), and local statuses named, grouped by author.
    std::vector<std::int64_t> targets;
    std::map<std::int64_t, std::vector<std::int64_t>> statuses_of;
    for (const auto& [status, author] : db::ReportRepository::local_statuses(tx, flag.objects)) {
      statuses_of[author].push_back(status);
    }
    for (const auto& uri : flag.objects) {
      if (!uri.starts_with(users)) continue;
      std::string rest = uri.substr(users.size());
      if (rest.find('/') != std::string::npos) continue;  // a status, counted above
      auto account = db::AccountRepository::find_by_acct(tx, rest, std::nullopt);
      if (account && !account->suspended_at &&
          std::find(targets.begin(), targets.end(), account->id) == targets.end()) {
        targets.push_back(account->id);
      }
    }

    int made = 0;
    for (std::size_t i = 0; i < targets.size() && i < new_ids.size(); ++i) {
      domain::Report report;
      report.id = new_ids[i];
      report.account_id = reporter;
      report.target_account_id = targets[i];
      report.status_ids = statuses_of[targets[i]];
      std::string comment = flag.comment;
      while (utf8_length(comment) > domain::kMaxReportComment) comment.pop_back();
      report.comment = to_valid_utf8(comment);
      report.forwarded = true;
      report.uri = flag.id.empty() ? std::nullopt : std::optional<std::string>(flag.id);
      if (!db::ReportRepository::insert(tx, report)) continue;  // delivered before
      tell_moderators(tx, mailer_, config_, report);
      ++made;
    }
    return made;
  });
}

awaitable<std::vector<ReportView>> ReportService::list(const domain::User& staff, bool resolved,
                                                       domain::PageRequest page) {
  if (!may_moderate(staff)) throw Error(ErrorCode::kForbidden, "This action is not allowed");
  auto rows =
      co_await db_.read([&](db::Tx& tx) { return db::ReportRepository::page(tx, resolved, page); });
  co_return co_await views(std::move(rows), staff.account_id);
}

awaitable<ReportView> ReportService::get(const domain::User& staff, std::int64_t id) {
  if (!may_moderate(staff)) throw Error(ErrorCode::kForbidden, "This action is not allowed");
  auto found = co_await db_.read([&](db::Tx& tx) { return db::ReportRepository::find(tx, id); });
  if (!found) throw Error(ErrorCode::kNotFound, "Record not found");
  std::vector<domain::Report> one{*found};
  auto made = co_await views(std::move(one), staff.account_id);
  if (made.empty()) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return made[0];
}

awaitable<ReportView> ReportService::resolve(const domain::User& staff, std::int64_t id) {
  if (!may_moderate(staff)) throw Error(ErrorCode::kForbidden, "This action is not allowed");
  co_return co_await set_resolved(id, true, staff.account_id, staff.account_id);
}

awaitable<ReportView> ReportService::reopen(const domain::User& staff, std::int64_t id) {
  if (!may_moderate(staff)) throw Error(ErrorCode::kForbidden, "This action is not allowed");
  co_return co_await set_resolved(id, false, std::nullopt, staff.account_id);
}

awaitable<std::vector<ReportView>> ReportService::list_for_operator(bool resolved, int limit) {
  domain::PageRequest page;
  page.limit = limit;
  auto rows =
      co_await db_.read([&](db::Tx& tx) { return db::ReportRepository::page(tx, resolved, page); });
  co_return co_await views(std::move(rows), std::nullopt);
}

// The operator resolves without an account of their own.
awaitable<ReportView> ReportService::resolve_for_operator(std::int64_t id) {
  co_return co_await set_resolved(id, true, std::nullopt, std::nullopt);
}

awaitable<ReportView> ReportService::set_resolved(std::int64_t id, bool resolved,
                                                  std::optional<std::int64_t> by,
                                                  std::optional<std::int64_t> viewer) {
  auto found = co_await db_.tx([&](db::Tx& tx) -> std::optional<domain::Report> {
    if (!db::ReportRepository::find(tx, id)) return std::nullopt;
    if (resolved) {
      db::ReportRepository::resolve(tx, id, by);
    } else {
      db::ReportRepository::reopen(tx, id);
    }
    return db::ReportRepository::find(tx, id);
  });
  if (!found) throw Error(ErrorCode::kNotFound, "Record not found");
  std::vector<domain::Report> one{*found};
  auto made = co_await views(std::move(one), viewer);
  if (made.empty()) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return made[0];
}

}  // namespace lox::services
