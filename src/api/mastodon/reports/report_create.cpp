#include "api/mastodon/report_serializer.hpp"
#include "api/mastodon/reports/report_request_params.hpp"

#include <loxodon/api/mastodon/reports/reports_module.hpp>

namespace lox::api::mastodon {

// Reports an account (and some of its statuses) to the moderators.
awaitable<http::Response> ReportsModule::create(Call& call) {
  services::ReportRequest r = report_request_from(call.params);
  auto made = co_await reports_.create(call.user().account.id, std::move(r));
  co_return http::Response::json(200, report_json(config_, made));
}

}  // namespace lox::api::mastodon
