#include "db/fields.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/thanks_repository.hpp>

namespace lox::db {

namespace {
std::vector<domain::DonationThanks> read_rows(const pqxx::result& r) {
  std::vector<domain::DonationThanks> out;
  for (const auto& row : r) {
    domain::DonationThanks t;
    t.id = row[0].as<std::int64_t>();
    t.ledger_entry_id = row[1].as<std::int64_t>();
    t.donor_ref = nullable<std::string>(row[2]);
    t.name = nullable<std::string>(row[3]);
    t.message = row[4].as<std::string>();
    t.hidden = row[5].as<bool>();
    t.donated_at = *ms_time(row[6]);
    t.recurrence = row[7].as<std::string>();
    out.push_back(std::move(t));
  }
  return out;
}
}  // namespace

void ThanksRepository::insert(Tx& tx, const domain::DonationThanks& t) {
  tx.exec("thanks_insert", t.id, t.ledger_entry_id, t.donor_ref, t.name, t.message);
}

std::vector<domain::DonationThanks> ThanksRepository::wall(Tx& tx, int limit) {
  return read_rows(tx.exec("thanks_wall", limit));
}

std::vector<domain::DonationThanks> ThanksRepository::all(Tx& tx) {
  return read_rows(tx.exec("thanks_all"));
}

bool ThanksRepository::set_hidden(Tx& tx, std::int64_t id, bool hidden) {
  return tx.exec("thanks_hide", id, hidden).affected_rows() > 0;
}

}  // namespace lox::db
