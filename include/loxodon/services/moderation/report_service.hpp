#pragma once

#include <loxodon/activitypub/report_documents.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/domain/report.hpp>
#include <loxodon/services/statuses/status_reader.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

class Mailer;
class StatusReader;

// A report with its accounts, and for staff the reported statuses as they are now.
struct ReportView {
  domain::Report report;
  domain::Account reporter;
  domain::Account target;
  std::optional<domain::User> reporter_user;  // local accounts' sign-in side, for staff
  std::optional<domain::User> target_user;
  std::optional<domain::Account> action_taken_by;
  StatusPage statuses;
};

struct ReportRequest {
  std::int64_t account_id = 0;  // the reported account
  std::vector<std::int64_t> status_ids;
  std::string comment;
  std::string category;  // spam, legal, violation, other (empty: other)
  bool forward = false;  // send an anonymous copy (Flag) to a remote account's server
};

// The moderation queue, as Mastodon keeps it: people report accounts and their statuses (a
// report about a remote account can be forwarded to its server as a Flag from the instance
// actor), other servers' Flags about accounts here arrive through the inbox, staff are told
// by e-mail, and staff (the administrator or manage_reports permission) review and resolve.
class ReportService {
 public:
  ReportService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
                Mailer& mailer, StatusReader& statuses);

  // 404 for an unknown account or a status that is not the account's or not visible to the
  // reporter; 422 for a comment over 1,000 characters or an unknown category.
  awaitable<ReportView> create(std::int64_t reporter, ReportRequest request);
  // A Flag from the remote account `reporter`: one report per local account it names, with the
  // named statuses of that account (as Mastodon: statuses alone report nobody).
  // Returns how many reports were made (a Flag delivered again makes none).
  awaitable<int> receive_flag(std::int64_t reporter, activitypub::RemoteFlag flag);

  // Staff only (403 otherwise).
  awaitable<std::vector<ReportView>> list(const domain::User& staff, bool resolved,
                                          domain::PageRequest page);
  awaitable<ReportView> get(const domain::User& staff, std::int64_t id);
  awaitable<ReportView> resolve(const domain::User& staff, std::int64_t id);
  awaitable<ReportView> reopen(const domain::User& staff, std::int64_t id);
  static bool may_moderate(const domain::User& user);

  // The command line (run by whoever runs the server).
  awaitable<std::vector<ReportView>> list_for_operator(bool resolved, int limit);
  awaitable<ReportView> resolve_for_operator(std::int64_t id);

 private:
  // The accounts of each report; the statuses too when `staff` is given (their viewer).
  awaitable<std::vector<ReportView>> views(std::vector<domain::Report> reports,
                                           std::optional<std::int64_t> staff);
  // `by` is who resolved it (none for the operator); `viewer` renders the statuses for staff.
  awaitable<ReportView> set_resolved(std::int64_t id, bool resolved, std::optional<std::int64_t> by,
                                     std::optional<std::int64_t> viewer);

  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
  Mailer& mailer_;
  StatusReader& statuses_;
};

}  // namespace lox::services
