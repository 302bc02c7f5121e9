#include "api/mastodon/pagination.hpp"
#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/scheduled_status_serializer.hpp"

#include <loxodon/api/mastodon/scheduled_statuses_api.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1ScheduledStatusesIdPath[] = "/api/v1/scheduled_statuses/:id";

}  // namespace

using nlohmann::json;

ScheduledStatusesApi::ScheduledStatusesApi(const config::Config& config,
                                           services::ScheduledStatusService& scheduled)
    : config_(config), scheduled_(scheduled) {}

void ScheduledStatusesApi::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/scheduled_statuses", Access::kUser, {"read:statuses"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto rows = co_await scheduled_.list(c.user().account.id, page_query(c.params, 20, 40));
          json out = json::array();
          std::vector<std::int64_t> cursors;
          for (const auto& row : rows) {
            out.push_back(scheduled_status_json(row));
            cursors.push_back(row.id);
          }
          http::Response res = http::Response::json(200, out);
          add_link_header(res, c.request, config_, cursors);
          co_return res;
        });
  e.add({"GET", kV1ScheduledStatusesIdPath, Access::kUser, {"read:statuses"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto row = co_await scheduled_.get(c.user().account.id, id);
          co_return http::Response::json(200, scheduled_status_json(row));
        });
  e.add({"PUT", kV1ScheduledStatusesIdPath, Access::kUser, {"write:statuses"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto at = time_param(c.params, "scheduled_at", "Scheduled at");
          if (!at) {
            services::ValidationErrors errors;
            errors.add("scheduled_at", "Scheduled at", "ERR_BLANK", "can't be blank");
            errors.throw_if_any();
          }
          auto row = co_await scheduled_.reschedule(c.user().account.id, id, *at);
          co_return http::Response::json(200, scheduled_status_json(row));
        });
  e.add({"DELETE", kV1ScheduledStatusesIdPath, Access::kUser, {"write:statuses"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_await scheduled_.cancel(c.user().account.id, id);
          co_return http::Response::json_text(200, "{}");
        });
}

}  // namespace lox::api::mastodon
