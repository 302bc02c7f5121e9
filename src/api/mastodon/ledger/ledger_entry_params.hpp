#pragma once

#include <loxodon/http/params.hpp>
#include <loxodon/services/funding/ledger_service.hpp>

namespace lox::api::mastodon {

// The entry a record request describes (form or JSON). The amount comes as a decimal string or
// as amount_minor; an amount_minor that is not a number is passed on as the amount, so the
// service refuses it rather than the entry being stored without one. A time that is not
// ISO 8601 is a 422.
services::NewLedgerEntry new_ledger_entry_from(const http::Params& params);

// The reversal a reverse request describes; the amount as a decimal string or amount_minor.
services::LedgerReversal ledger_reversal_from(const http::Params& params);

}  // namespace lox::api::mastodon
