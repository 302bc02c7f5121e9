#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/moderation/report_service.hpp>

namespace lox::api::mastodon {

// Reporting (POST /api/v1/reports) and the staff side of the moderation queue
// (/api/v1/admin/reports: list, show, resolve, reopen). The routes are listed in
// reports_module.cpp; each handler lives in a file of its own.
class ReportsModule {
 public:
  ReportsModule(const config::Config& config, services::ReportService& reports);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> create(Call& call);
  awaitable<http::Response> admin_list(Call& call);
  awaitable<http::Response> admin_show(Call& call);
  awaitable<http::Response> admin_resolve(Call& call);
  awaitable<http::Response> admin_reopen(Call& call);

  const config::Config& config_;
  services::ReportService& reports_;
};

}  // namespace lox::api::mastodon
