#include <loxodon/api/mastodon/reports/reports_module.hpp>

namespace lox::api::mastodon {

ReportsModule::ReportsModule(const config::Config& config, services::ReportService& reports)
    : config_(config), reports_(reports) {}

void ReportsModule::add_routes(Endpoints& e) {
  e.add({"POST", "/api/v1/reports", Access::kUser, {"write:reports"}},
        [this](Call& c) { return create(c); });
  e.add({"GET", "/api/v1/admin/reports", Access::kUser, {"admin:read:reports"}},
        [this](Call& c) { return admin_list(c); });
  e.add({"GET", "/api/v1/admin/reports/:id", Access::kUser, {"admin:read:reports"}},
        [this](Call& c) { return admin_show(c); });
  e.add({"POST", "/api/v1/admin/reports/:id/resolve", Access::kUser, {"admin:write:reports"}},
        [this](Call& c) { return admin_resolve(c); });
  e.add({"POST", "/api/v1/admin/reports/:id/reopen", Access::kUser, {"admin:write:reports"}},
        [this](Call& c) { return admin_reopen(c); });
}

}  // namespace lox::api::mastodon
