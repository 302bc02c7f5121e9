#pragma once
// Prepared statements for donation prompts (donation_prompt_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

#define LOX_PROMPT_COLUMNS                                                                  \
  "p.id, p.text, p.content, (extract(epoch FROM p.starts_at) * 1000)::bigint, "             \
  "(extract(epoch FROM p.ends_at) * 1000)::bigint, p.min_account_age_days, p.repeat_days, " \
  "p.created_by, (extract(epoch FROM p.created_at) * 1000)::bigint"

inline constexpr std::array kDonationPromptStatements = {
    Statement{"prompt_insert",
              "INSERT INTO donation_prompts (id, text, content, starts_at, ends_at, "
              "min_account_age_days, repeat_days, created_by) VALUES ($1, $2, $3, "
              "to_timestamp($4::bigint / 1000.0), to_timestamp($5::bigint / 1000.0), $6, $7, $8)"},
    Statement{"prompts_all",
              "SELECT " LOX_PROMPT_COLUMNS
              " FROM donation_prompts p ORDER BY p.starts_at DESC, p.id DESC LIMIT 200"},
    Statement{"prompt_end",
              "UPDATE donation_prompts SET ends_at = greatest(now(), starts_at + interval '1 "
              "millisecond') WHERE id = $1 AND (ends_at IS NULL OR ends_at > now())"},
    // The one prompt `$1` may see now ($2: grace days of memberships): running, the account
    // old enough, not dismissed within its repeat period, and no current paid or comped
    // membership. Newest first.
    Statement{"prompt_for",
              "SELECT " LOX_PROMPT_COLUMNS
              " FROM donation_prompts p JOIN accounts a ON a.id = $1 WHERE p.starts_at <= now() "
              "AND (p.ends_at IS NULL OR p.ends_at > now()) AND a.created_at <= now() - "
              "make_interval(days => p.min_account_age_days) AND NOT EXISTS (SELECT 1 FROM "
              "donation_prompt_dismissals d WHERE d.account_id = $1 AND d.prompt_id = p.id AND "
              "(p.repeat_days IS NULL OR d.dismissed_at + make_interval(days => p.repeat_days) > "
              "now())) AND NOT EXISTS (SELECT 1 FROM memberships m JOIN membership_plans pl ON "
              "pl.id = m.plan_id WHERE m.account_id = $1 AND (pl.price_minor > 0 OR m.status = "
              "'comped') AND m.status IN ('trialing', 'active', 'past_due', 'comped') AND "
              "(m.current_period_end IS NULL OR m.current_period_end + make_interval(days => $2) "
              "> now())) ORDER BY p.starts_at DESC, p.id DESC LIMIT 1"},
    Statement{"prompt_dismiss",
              "INSERT INTO donation_prompt_dismissals (account_id, prompt_id) SELECT $1, id FROM "
              "donation_prompts WHERE id = $2 ON CONFLICT (account_id, prompt_id) DO UPDATE SET "
              "dismissed_at = now()"},
};

#undef LOX_PROMPT_COLUMNS

}  // namespace lox::db::sql
