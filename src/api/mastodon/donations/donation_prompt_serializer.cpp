#include "api/mastodon/donations/donation_prompt_serializer.hpp"

#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

json donation_prompt_json(const domain::DonationPrompt& p) {
  return {{"id", std::to_string(p.id)},
          {"text", p.text},
          {"content", p.content},
          {"starts_at", format_iso8601_ms(p.starts_at)},
          {"ends_at", p.ends_at ? json(format_iso8601_ms(*p.ends_at)) : json(nullptr)},
          {"min_account_age_days", p.min_account_age_days},
          {"repeat_days", p.repeat_days ? json(*p.repeat_days) : json(nullptr)},
          {"created_by", p.created_by},
          {"created_at", format_iso8601_ms(p.created_at)}};
}

}  // namespace lox::api::mastodon
