#include "api/mastodon/ledger_serializer.hpp"
#include "api/mastodon/pagination.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/ledger_api.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1AdminLedgerPath[] = "/api/v1/admin/ledger";

}  // namespace

using nlohmann::json;

LedgerApi::LedgerApi(const config::Config& config, services::LedgerService& ledger)
    : config_(config), ledger_(ledger) {}

void LedgerApi::add_routes(Endpoints& e) {
  e.add({"POST", kV1AdminLedgerPath, Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          services::NewLedgerEntry r;
          r.direction = c.params.string("direction").value_or("");
          r.source = c.params.string("source").value_or("");
          r.category = c.params.string("category").value_or("");
          r.amount = c.params.string("amount");
          if (auto minor = c.params.integer("amount_minor")) r.amount_minor = *minor;
          if (!r.amount && !r.amount_minor && c.params.string("amount_minor")) {
            r.amount = c.params.string("amount_minor");  // not a number: refused as an amount
          }
          r.currency = c.params.string("currency").value_or("");
          r.occurred_at = time_param(c.params, "occurred_at", "Occurred at");
          r.description = c.params.string("description").value_or("");
          r.recurrence = c.params.string("recurrence").value_or("");
          r.community = c.params.string("community");
          r.thanks = c.params.string("thanks");
          r.thanks_name = c.params.string("thanks_name").value_or("");
          r.thanks_message = c.params.string("thanks_message").value_or("");
          auto entry = co_await ledger_.record(c.user(), std::move(r));
          co_return http::Response::json(200, ledger_entry_json(entry));
        });
  e.add({"POST", "/api/v1/admin/ledger/:id/reverse", Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          services::LedgerReversal r;
          r.kind = c.params.string("kind").value_or("");
          r.amount = c.params.string("amount");
          if (auto minor = c.params.integer("amount_minor")) r.amount_minor = *minor;
          r.description = c.params.string("description").value_or("");
          auto entry = co_await ledger_.reverse(c.user(), path_id(c.request), std::move(r));
          co_return http::Response::json(200, ledger_entry_json(entry));
        });
  e.add({"GET", kV1AdminLedgerPath, Access::kUser, {"admin:read"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto rows = co_await ledger_.list(c.user(), page_query(c.params, 40, 200));
          json out = json::array();
          std::vector<std::int64_t> cursors;
          for (const auto& entry : rows) {
            out.push_back(ledger_entry_json(entry));
            cursors.push_back(entry.id);
          }
          auto res = http::Response::json(200, out);
          add_link_header(res, c.request, config_, cursors);
          co_return res;
        });
  e.add({"GET", "/api/v1/admin/ledger/export", Access::kUser, {"admin:read"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto csv = co_await ledger_.csv(c.user());
          auto res = http::Response::text(200, std::move(csv), "text/csv; charset=utf-8");
          res.set_header("Content-Disposition", "attachment; filename=\"ledger.csv\"");
          co_return res;
        });
}

}  // namespace lox::api::mastodon
