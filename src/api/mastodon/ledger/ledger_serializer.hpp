#pragma once

#include <loxodon/domain/ledger.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// A ledger entry: amounts both as a decimal string in the currency's major unit and as minor
// units (never as a floating-point number), ids as strings.
nlohmann::json ledger_entry_json(const domain::LedgerEntry& entry);

}  // namespace lox::api::mastodon
