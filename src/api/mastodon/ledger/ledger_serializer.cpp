#include "api/mastodon/ledger/ledger_serializer.hpp"

#include <loxodon/domain/money.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

json ledger_entry_json(const domain::LedgerEntry& e) {
  auto optional_text = [](const std::optional<std::string>& v) {
    return v ? json(*v) : json(nullptr);
  };
  return {{"id", std::to_string(e.id)},
          {"direction", e.direction},
          {"source", e.source},
          {"category", e.category},
          {"amount", domain::format_amount(e.amount_minor, e.currency)},
          {"amount_minor", e.amount_minor},
          {"currency", e.currency},
          {"occurred_at", format_iso8601_ms(e.occurred_at)},
          {"description", e.description},
          {"recurrence", e.recurrence},
          {"reverses_entry_id",
           e.reverses_entry_id ? json(std::to_string(*e.reverses_entry_id)) : json(nullptr)},
          {"reversed", domain::format_amount(e.reversed_minor, e.currency)},
          {"reversed_minor", e.reversed_minor},
          {"provider", e.provider},
          {"provider_ref", optional_text(e.provider_ref)},
          {"community", optional_text(e.community)},
          {"recorded_by", e.recorded_by},
          {"recorded_at", format_iso8601_ms(e.recorded_at)}};
}

}  // namespace lox::api::mastodon
