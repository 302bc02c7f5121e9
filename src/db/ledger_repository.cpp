#include "db/fields.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/ledger_repository.hpp>

namespace lox::db {

namespace {

domain::LedgerEntry read_entry(const pqxx::row& row) {
  domain::LedgerEntry e;
  e.id = row[0].as<std::int64_t>();
  e.direction = row[1].as<std::string>();
  e.source = row[2].as<std::string>();
  e.category = row[3].as<std::string>();
  e.amount_minor = row[4].as<std::int64_t>();
  e.currency = row[5].as<std::string>();
  e.occurred_at = *ms_time(row[6]);
  e.description = row[7].as<std::string>();
  e.recurrence = row[8].as<std::string>();
  e.reverses_entry_id = nullable<std::int64_t>(row[9]);
  e.provider = row[10].as<std::string>();
  e.provider_ref = nullable<std::string>(row[11]);
  e.community = nullable<std::string>(row[12]);
  e.recorded_by_account_id = nullable<std::int64_t>(row[13]);
  e.recorded_by = row[14].as<std::string>();
  e.recorded_at = *ms_time(row[15]);
  e.reversed_minor = row[16].as<std::int64_t>();
  return e;
}

std::vector<domain::LedgerEntry> read_all(const pqxx::result& rows) {
  std::vector<domain::LedgerEntry> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(read_entry(row));
  return out;
}

}  // namespace

bool LedgerRepository::insert(Tx& tx, const domain::LedgerEntry& e) {
  return !tx.exec("ledger_insert", e.id, e.direction, e.source, e.category, e.amount_minor,
                  e.currency, to_ms(e.occurred_at), e.description, e.recurrence,
                  e.reverses_entry_id, e.provider, e.provider_ref, e.community,
                  e.recorded_by_account_id, e.recorded_by)
              .empty();
}

std::int64_t LedgerRepository::reversal_count(Tx& tx, std::int64_t id) {
  return tx.exec("ledger_reversal_count", id)[0][0].as<std::int64_t>();
}

std::optional<domain::LedgerEntry> LedgerRepository::find(Tx& tx, std::int64_t id) {
  auto rows = tx.exec("ledger_by_id", id);
  if (rows.empty()) return std::nullopt;
  return read_entry(rows[0]);
}

bool LedgerRepository::lock(Tx& tx, std::int64_t id) { return !tx.exec("ledger_lock", id).empty(); }

std::vector<domain::LedgerEntry> LedgerRepository::page(Tx& tx, const domain::PageRequest& page) {
  return read_all(
      tx.exec("ledger_page", page.max_id, page.min_id.value_or(page.since_id), page.limit));
}

std::optional<domain::LedgerEntry> LedgerRepository::find_by_provider_ref(
    Tx& tx, const std::string& provider, const std::string& provider_ref) {
  auto rows = tx.exec("ledger_by_provider_ref", provider, provider_ref);
  if (rows.empty()) return std::nullopt;
  return read_entry(rows[0]);
}

std::optional<domain::LedgerEntry> LedgerRepository::find_reversal_by_provider_ref(
    Tx& tx, const std::string& provider, const std::string& provider_ref) {
  auto rows = tx.exec("ledger_reversal_by_provider_ref", provider, provider_ref);
  if (rows.empty()) return std::nullopt;
  return read_entry(rows[0]);
}

bool LedgerRepository::record_event(Tx& tx, const EventRow& e) {
  return !tx.exec("payment_event_insert", e.provider, e.event_id, e.provider_type, e.type,
                  to_ms(e.occurred_at), e.raw_sha256)
              .empty();
}

std::vector<domain::LedgerEntry> LedgerRepository::all(Tx& tx) {
  return read_all(tx.exec("ledger_all"));
}

}  // namespace lox::db
