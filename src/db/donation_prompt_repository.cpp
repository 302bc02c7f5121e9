#include "db/fields.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/donation_prompt_repository.hpp>

namespace lox::db {

namespace {
domain::DonationPrompt read_prompt(const pqxx::row& row) {
  domain::DonationPrompt p;
  p.id = row[0].as<std::int64_t>();
  p.text = row[1].as<std::string>();
  p.content = row[2].as<std::string>();
  p.starts_at = *ms_time(row[3]);
  p.ends_at = ms_time(row[4]);
  p.min_account_age_days = row[5].as<int>();
  p.repeat_days = nullable<int>(row[6]);
  p.created_by = row[7].as<std::string>();
  p.created_at = *ms_time(row[8]);
  return p;
}
}  // namespace

void DonationPromptRepository::insert(Tx& tx, const domain::DonationPrompt& p) {
  tx.exec("prompt_insert", p.id, p.text, p.content, to_ms(p.starts_at), to_ms(p.ends_at),
          p.min_account_age_days, p.repeat_days, p.created_by);
}

std::vector<domain::DonationPrompt> DonationPromptRepository::all(Tx& tx) {
  std::vector<domain::DonationPrompt> out;
  for (const auto& row : tx.exec("prompts_all")) out.push_back(read_prompt(row));
  return out;
}

bool DonationPromptRepository::end(Tx& tx, std::int64_t id) {
  return tx.exec("prompt_end", id).affected_rows() > 0;
}

std::optional<domain::DonationPrompt> DonationPromptRepository::prompt_for(Tx& tx,
                                                                           std::int64_t account_id,
                                                                           int grace_days) {
  auto r = tx.exec("prompt_for", account_id, grace_days);
  if (r.empty()) return std::nullopt;
  return read_prompt(r[0]);
}

bool DonationPromptRepository::dismiss(Tx& tx, std::int64_t account_id, std::int64_t prompt_id) {
  return tx.exec("prompt_dismiss", account_id, prompt_id).affected_rows() > 0;
}

}  // namespace lox::db
