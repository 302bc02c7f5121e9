#include "api/mastodon/ledger/ledger_entry_params.hpp"

#include "api/mastodon/request_ids.hpp"

namespace lox::api::mastodon {

services::NewLedgerEntry new_ledger_entry_from(const http::Params& p) {
  services::NewLedgerEntry r;
  r.direction = p.string("direction").value_or("");
  r.source = p.string("source").value_or("");
  r.category = p.string("category").value_or("");
  r.amount = p.string("amount");
  if (auto minor = p.integer("amount_minor")) r.amount_minor = *minor;
  if (!r.amount && !r.amount_minor && p.string("amount_minor")) {
    r.amount = p.string("amount_minor");  // not a number: refused as an amount
  }
  r.currency = p.string("currency").value_or("");
  r.occurred_at = time_param(p, "occurred_at", "Occurred at");
  r.description = p.string("description").value_or("");
  r.recurrence = p.string("recurrence").value_or("");
  r.community = p.string("community");
  r.thanks = p.string("thanks");
  r.thanks_name = p.string("thanks_name").value_or("");
  r.thanks_message = p.string("thanks_message").value_or("");
  return r;
}

services::LedgerReversal ledger_reversal_from(const http::Params& p) {
  services::LedgerReversal r;
  r.kind = p.string("kind").value_or("");
  r.amount = p.string("amount");
  if (auto minor = p.integer("amount_minor")) r.amount_minor = *minor;
  r.description = p.string("description").value_or("");
  return r;
}

}  // namespace lox::api::mastodon
