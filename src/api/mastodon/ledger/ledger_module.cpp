#include <loxodon/api/mastodon/ledger/ledger_module.hpp>

namespace lox::api::mastodon {

namespace {
// Paths registered for more than one method, written out once.
constexpr char kV1AdminLedgerPath[] = "/api/v1/admin/ledger";
}  // namespace

LedgerModule::LedgerModule(const config::Config& config, services::LedgerService& ledger)
    : config_(config), ledger_(ledger) {}

void LedgerModule::add_routes(Endpoints& e) {
  e.add({"POST", kV1AdminLedgerPath, Access::kUser, {"admin:write"}},
        [this](Call& c) { return record(c); });
  e.add({"POST", "/api/v1/admin/ledger/:id/reverse", Access::kUser, {"admin:write"}},
        [this](Call& c) { return reverse(c); });
  e.add({"GET", kV1AdminLedgerPath, Access::kUser, {"admin:read"}},
        [this](Call& c) { return list(c); });
  e.add({"GET", "/api/v1/admin/ledger/export", Access::kUser, {"admin:read"}},
        [this](Call& c) { return export_csv(c); });
}

}  // namespace lox::api::mastodon
