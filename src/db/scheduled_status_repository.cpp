#include "db/fields.hpp"
#include "db/paged_statement.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/scheduled_status_repository.hpp>

namespace lox::db {

namespace {
using std::chrono::system_clock;

long long epoch_ms(system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

domain::ScheduledStatus read_row(const pqxx::row& row) {
  domain::ScheduledStatus r;
  r.id = row[0].as<std::int64_t>();
  r.account_id = row[1].as<std::int64_t>();
  r.scheduled_at = system_clock::time_point(std::chrono::milliseconds(row[2].as<long long>()));
  r.params = row[3].as<std::string>();
  r.idempotency_key = nullable<std::string>(row[4]);
  return r;
}

std::optional<domain::ScheduledStatus> first(const pqxx::result& r) {
  if (r.empty()) return std::nullopt;
  return read_row(r[0]);
}
}  // namespace

bool ScheduledStatusRepository::insert(Tx& tx, const domain::ScheduledStatus& row) {
  return tx.exec("scheduled_insert", row.id, row.account_id, epoch_ms(row.scheduled_at), row.params,
                 row.idempotency_key)
             .affected_rows() == 1;
}

std::optional<domain::ScheduledStatus> ScheduledStatusRepository::by_idempotency_key(
    Tx& tx, std::int64_t owner, const std::string& key) {
  return first(tx.exec("scheduled_by_key", owner, key));
}

std::vector<domain::ScheduledStatus> ScheduledStatusRepository::page(Tx& tx, std::int64_t owner,
                                                                     const domain::PageRequest& p) {
  return paged<domain::ScheduledStatus>(tx, "scheduled_page", "scheduled_page_up", p, read_row,
                                        owner);
}

std::optional<domain::ScheduledStatus> ScheduledStatusRepository::get(Tx& tx, std::int64_t owner,
                                                                      std::int64_t id) {
  return first(tx.exec("scheduled_get", owner, id));
}

std::optional<domain::ScheduledStatus> ScheduledStatusRepository::find(Tx& tx, std::int64_t id) {
  return first(tx.exec("scheduled_find", id));
}

ScheduledCounts ScheduledStatusRepository::counts(Tx& tx, std::int64_t owner,
                                                  system_clock::time_point at,
                                                  std::int64_t except) {
  auto row = tx.exec1("scheduled_counts", owner, epoch_ms(at), except);
  return {row[0].as<std::int64_t>(), row[1].as<std::int64_t>()};
}

bool ScheduledStatusRepository::reschedule(Tx& tx, std::int64_t owner, std::int64_t id,
                                           system_clock::time_point at) {
  return tx.exec("scheduled_reschedule", owner, id, epoch_ms(at)).affected_rows() == 1;
}

bool ScheduledStatusRepository::remove(Tx& tx, std::int64_t owner, std::int64_t id) {
  return tx.exec("scheduled_delete", owner, id).affected_rows() == 1;
}

void ScheduledStatusRepository::remove(Tx& tx, std::int64_t id) {
  tx.exec("scheduled_delete_any", id);
}

}  // namespace lox::db
