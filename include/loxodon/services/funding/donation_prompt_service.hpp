#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/donation_prompt.hpp>
#include <loxodon/domain/status_text.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

struct NewDonationPrompt {
  std::string text;  // plain text; links and hashtags become links, as in announcements
  std::optional<std::chrono::system_clock::time_point> starts_at;  // default now
  std::optional<std::chrono::system_clock::time_point> ends_at;
  int min_account_age_days = 30;
  std::optional<int> repeat_days;  // shown again this long after a dismissal; none: never
};

// Donation prompts: appeals administrators write, delivered to people as Mastodon
// announcements. Capped so they never nag: only for accounts older than the prompt's minimum
// age, never for anyone holding a paid or comped membership, one prompt at a time, and a
// dismissed prompt stays away for its repeat period (or for good).
class DonationPromptService {
 public:
  DonationPromptService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids);

  // Administrators only (403); 422 naming the field for blank or long text, an end before the
  // start, or ages and repeat periods out of range.
  awaitable<domain::DonationPrompt> create(domain::UserWithAccount admin, NewDonationPrompt prompt);
  awaitable<std::vector<domain::DonationPrompt>> all(domain::UserWithAccount admin);
  // Ends a prompt now (404 unless it is running or scheduled).
  awaitable<void> end(domain::UserWithAccount admin, std::int64_t id);

  // The prompt `account_id` should see now, if any.
  awaitable<std::optional<domain::DonationPrompt>> prompt_for(std::int64_t account_id);
  // False when `prompt_id` is not a prompt.
  awaitable<bool> dismiss(std::int64_t account_id, std::int64_t prompt_id);

 private:
  domain::RenderedStatusText render(const std::string& text) const;

  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
};

}  // namespace lox::services
