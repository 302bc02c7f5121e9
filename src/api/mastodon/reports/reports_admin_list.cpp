#include "api/mastodon/pagination.hpp"
#include "api/mastodon/report_serializer.hpp"

#include <loxodon/api/mastodon/reports/reports_module.hpp>

namespace lox::api::mastodon {

// The moderation queue for staff: open reports, or resolved ones with resolved=true.
awaitable<http::Response> ReportsModule::admin_list(Call& call) {
  auto page = page_request(call.params, 100, 200);
  bool resolved = call.params.boolean("resolved").value_or(false);
  auto rows = co_await reports_.list(call.user().user, resolved, page);
  nlohmann::json out = nlohmann::json::array();
  std::vector<std::int64_t> cursors;
  for (const auto& v : rows) {
    out.push_back(admin_report_json(config_, v));
    cursors.push_back(v.report.id);
  }
  auto res = http::Response::json(200, out);
  add_link_header(res, call.request, config_, cursors);
  co_return res;
}

}  // namespace lox::api::mastodon
