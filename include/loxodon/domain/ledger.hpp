#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace lox::domain {

// One immutable movement of money in the funding ledger. Refunds, disputes and corrections
// reverse an earlier entry (in the other direction, at most what remains of it).
struct LedgerEntry {
  std::int64_t id = 0;
  std::string direction;  // in, out
  std::string source;     // donation, membership, sponsorship, manual, cost, refund, dispute,
                          // correction
  std::string category;   // a cost category (hosting, moderation...) or an income detail
  std::int64_t amount_minor = 0;
  std::string currency;
  std::chrono::system_clock::time_point occurred_at{};
  std::string description;
  std::string recurrence = "one_time";  // one_time, monthly, yearly
  std::optional<std::int64_t> reverses_entry_id;
  std::string provider = "manual";
  std::optional<std::string> provider_ref;
  std::optional<std::string> community;
  std::optional<std::int64_t> recorded_by_account_id;
  std::string recorded_by;
  std::chrono::system_clock::time_point recorded_at{};
  // What later entries reversed of this one, less what was undone of them (a won dispute).
  std::int64_t reversed_minor = 0;
};

}  // namespace lox::domain
