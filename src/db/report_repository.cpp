#include "db/fields.hpp"
#include "db/pg_array.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/report_repository.hpp>

namespace lox::db {

namespace {

domain::Report read_report(const pqxx::row& row) {
  domain::Report r;
  r.id = row[0].as<std::int64_t>();
  r.account_id = row[1].as<std::int64_t>();
  r.target_account_id = row[2].as<std::int64_t>();
  r.status_ids = from_pg_bigint_array(row[3].as<std::string>());
  r.comment = row[4].as<std::string>();
  r.category = row[5].as<std::string>();
  r.forwarded = row[6].as<bool>();
  r.uri = nullable<std::string>(row[7]);
  r.action_taken_at = ms_time(row[8]);
  r.action_taken_by_account_id = nullable<std::int64_t>(row[9]);
  r.created_at = *ms_time(row[10]);
  r.updated_at = *ms_time(row[11]);
  return r;
}

}  // namespace

bool ReportRepository::insert(Tx& tx, const domain::Report& r) {
  return !tx.exec("report_insert", r.id, r.account_id, r.target_account_id,
                  to_pg_bigint_array(r.status_ids), r.comment, r.category, r.forwarded, r.uri)
              .empty();
}

std::optional<domain::Report> ReportRepository::find(Tx& tx, std::int64_t id) {
  auto rows = tx.exec("report_by_id", id);
  if (rows.empty()) return std::nullopt;
  return read_report(rows[0]);
}

std::vector<domain::Report> ReportRepository::page(Tx& tx, bool resolved,
                                                   const domain::PageRequest& page) {
  std::vector<domain::Report> out;
  for (const auto& row : tx.exec("reports_page", resolved, page.max_id,
                                 page.min_id.value_or(page.since_id), page.limit)) {
    out.push_back(read_report(row));
  }
  return out;
}

void ReportRepository::resolve(Tx& tx, std::int64_t id, std::optional<std::int64_t> by_account) {
  tx.exec("report_resolve", id, by_account);
}

void ReportRepository::reopen(Tx& tx, std::int64_t id) { tx.exec("report_reopen", id); }

std::vector<std::string> ReportRepository::moderator_emails(Tx& tx) {
  std::vector<std::string> out;
  for (const auto& row : tx.exec("report_moderator_emails")) {
    out.push_back(row[0].as<std::string>());
  }
  return out;
}

std::vector<StatusRef> ReportRepository::local_statuses(Tx& tx,
                                                        const std::vector<std::string>& uris) {
  std::vector<StatusRef> out;
  if (uris.empty()) return out;
  for (const auto& row : tx.exec("local_statuses_by_uris", to_pg_text_array(uris))) {
    out.emplace_back(row[0].as<std::int64_t>(), row[1].as<std::int64_t>());
  }
  return out;
}

}  // namespace lox::db
