#include <loxodon/api/mastodon/ledger/ledger_module.hpp>

namespace lox::api::mastodon {

// Every entry as a CSV download for the treasurer's spreadsheet.
awaitable<http::Response> LedgerModule::export_csv(Call& call) {
  auto csv = co_await ledger_.csv(call.user());
  auto res = http::Response::text(200, std::move(csv), "text/csv; charset=utf-8");
  res.set_header("Content-Disposition", "attachment; filename=\"ledger.csv\"");
  co_return res;
}

}  // namespace lox::api::mastodon
