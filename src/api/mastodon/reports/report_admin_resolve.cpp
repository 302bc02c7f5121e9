#include "api/mastodon/report_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/reports/reports_module.hpp>

namespace lox::api::mastodon {

// Marks a report resolved (or open again); staff only, as the service checks.
awaitable<http::Response> ReportsModule::admin_resolve(Call& call) {
  auto v = co_await reports_.resolve(call.user().user, path_id(call.request));
  co_return http::Response::json(200, admin_report_json(config_, v));
}

awaitable<http::Response> ReportsModule::admin_reopen(Call& call) {
  auto v = co_await reports_.reopen(call.user().user, path_id(call.request));
  co_return http::Response::json(200, admin_report_json(config_, v));
}

}  // namespace lox::api::mastodon
