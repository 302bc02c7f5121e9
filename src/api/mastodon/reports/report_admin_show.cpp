#include "api/mastodon/report_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/reports/reports_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> ReportsModule::admin_show(Call& call) {
  auto v = co_await reports_.get(call.user().user, path_id(call.request));
  co_return http::Response::json(200, admin_report_json(config_, v));
}

}  // namespace lox::api::mastodon
