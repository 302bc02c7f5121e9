#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/moderation/report_service.hpp>

namespace lox::api::mastodon {

// Reporting (POST /api/v1/reports) and the staff side of the moderation queue
// (/api/v1/admin/reports: list, show, resolve, reopen).
class ReportsApi {
 public:
  ReportsApi(const config::Config& config, services::ReportService& reports);
  void add_routes(Endpoints& endpoints);

 private:
  const config::Config& config_;
  services::ReportService& reports_;
};

}  // namespace lox::api::mastodon
