#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/donation_prompt.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace lox::db {

// Donation prompts and who dismissed which.
class DonationPromptRepository {
 public:
  static void insert(Tx& tx, const domain::DonationPrompt& prompt);
  static std::vector<domain::DonationPrompt> all(Tx& tx);
  static bool end(Tx& tx, std::int64_t id);
  static std::optional<domain::DonationPrompt> prompt_for(Tx& tx, std::int64_t account_id,
                                                          int grace_days);
  // False for an unknown prompt.
  static bool dismiss(Tx& tx, std::int64_t account_id, std::int64_t prompt_id);
};

}  // namespace lox::db
