#include "db/fields.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/statuses_cleanup_repository.hpp>

namespace lox::db {

namespace {
domain::StatusesCleanupPolicy read_policy(const pqxx::row& row) {
  domain::StatusesCleanupPolicy p;
  p.account_id = row[0].as<std::int64_t>();
  p.enabled = row[1].as<bool>();
  p.min_status_age_days = row[2].as<int>();
  p.keep_direct = row[3].as<bool>();
  p.keep_pinned = row[4].as<bool>();
  p.keep_polls = row[5].as<bool>();
  p.keep_media = row[6].as<bool>();
  p.keep_self_fav = row[7].as<bool>();
  p.keep_self_bookmark = row[8].as<bool>();
  p.min_favs = nullable<int>(row[9]);
  p.min_reblogs = nullable<int>(row[10]);
  return p;
}
}  // namespace

std::optional<domain::StatusesCleanupPolicy> StatusesCleanupRepository::find(
    Tx& tx, std::int64_t account_id) {
  auto r = tx.exec("cleanup_policy_find", account_id);
  if (r.empty()) return std::nullopt;
  return read_policy(r[0]);
}

void StatusesCleanupRepository::upsert(Tx& tx, const domain::StatusesCleanupPolicy& p) {
  tx.exec("cleanup_policy_upsert", p.account_id, p.enabled, p.min_status_age_days, p.keep_direct,
          p.keep_pinned, p.keep_polls, p.keep_media, p.keep_self_fav, p.keep_self_bookmark,
          p.min_favs, p.min_reblogs);
}

std::vector<domain::StatusesCleanupPolicy> StatusesCleanupRepository::take_due(Tx& tx, int limit) {
  std::vector<domain::StatusesCleanupPolicy> out;
  for (const auto& row : tx.exec("cleanup_policies_take_due", limit)) {
    out.push_back(read_policy(row));
  }
  return out;
}

std::vector<std::int64_t> StatusesCleanupRepository::candidates(
    Tx& tx, const domain::StatusesCleanupPolicy& p, int limit) {
  std::vector<std::int64_t> out;
  for (const auto& row :
       tx.exec("cleanup_candidates", p.account_id, p.min_status_age_days, p.keep_direct,
               p.keep_pinned, p.keep_polls, p.keep_media, p.keep_self_fav, p.keep_self_bookmark,
               p.min_favs, p.min_reblogs, limit)) {
    out.push_back(row[0].as<std::int64_t>());
  }
  return out;
}

}  // namespace lox::db
