#include <loxodon/db/database.hpp>
#include <loxodon/db/donation_prompt_repository.hpp>
#include <loxodon/domain/status_text.hpp>
#include <loxodon/services/funding/donation_prompt_service.hpp>
#include <loxodon/services/funding/ledger_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

namespace lox::services {

DonationPromptService::DonationPromptService(const config::Config& config, db::Database& db,
                                             SnowflakeGenerator& ids)
    : config_(config), db_(db), ids_(ids) {}

// Announcements' formatter, without mentions: paragraphs, links and hashtags.
domain::RenderedStatusText DonationPromptService::render(const std::string& text) const {
  return domain::render_status_text(
      text, [](const domain::MentionToken&) { return std::nullopt; }, config_.base_url());
}

awaitable<domain::DonationPrompt> DonationPromptService::create(domain::UserWithAccount admin,
                                                                NewDonationPrompt r) {
  LedgerService::require_administrator(admin);
  if (r.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw validation_failed("Text can't be blank");
  }
  if (!valid_utf8(r.text) || r.text.find('\0') != std::string::npos || utf8_length(r.text) > 1000) {
    throw validation_failed("Text must be valid UTF-8 of at most 1000 characters");
  }
  domain::DonationPrompt p;
  p.id = ids_.next();
  p.text = r.text;
  auto rendered = render(r.text);
  p.content = rendered.html;
  p.tags = rendered.tags;
  p.starts_at = r.starts_at.value_or(std::chrono::system_clock::now());
  if (r.ends_at) {
    if (*r.ends_at <= p.starts_at) throw validation_failed("Ends at must be after starts at");
    p.ends_at = r.ends_at;
  }
  if (r.min_account_age_days < 0 || r.min_account_age_days > 3650) {
    throw validation_failed("Minimum account age must be 0 to 3650 days");
  }
  p.min_account_age_days = r.min_account_age_days;
  if (r.repeat_days && (*r.repeat_days < 1 || *r.repeat_days > 365)) {
    throw validation_failed("Repeat days must be 1 to 365");
  }
  p.repeat_days = r.repeat_days;
  p.created_by = "@" + admin.account.username;
  p.created_at = std::chrono::system_clock::now();
  co_await db_.tx([&](db::Tx& tx) { db::DonationPromptRepository::insert(tx, p); });
  co_return p;
}

awaitable<std::vector<domain::DonationPrompt>> DonationPromptService::all(
    domain::UserWithAccount admin) {
  LedgerService::require_administrator(admin);
  co_return co_await db_.read([](db::Tx& tx) { return db::DonationPromptRepository::all(tx); });
}

awaitable<void> DonationPromptService::end(domain::UserWithAccount admin, std::int64_t id) {
  LedgerService::require_administrator(admin);
  bool ended =
      co_await db_.tx([&](db::Tx& tx) { return db::DonationPromptRepository::end(tx, id); });
  if (!ended) throw Error(ErrorCode::kNotFound, "Record not found");
}

awaitable<std::optional<domain::DonationPrompt>> DonationPromptService::prompt_for(
    std::int64_t account_id) {
  int grace_days = config_.funding.grace_days;
  auto prompt = co_await db_.read([&](db::Tx& tx) {
    return db::DonationPromptRepository::prompt_for(tx, account_id, grace_days);
  });
  // Tags are not stored: they come from the text, as the content did.
  if (prompt) prompt->tags = render(prompt->text).tags;
  co_return prompt;
}

awaitable<bool> DonationPromptService::dismiss(std::int64_t account_id, std::int64_t prompt_id) {
  co_return co_await db_.tx(
      [&](db::Tx& tx) { return db::DonationPromptRepository::dismiss(tx, account_id, prompt_id); });
}

}  // namespace lox::services
