#include "api/mastodon/pagination.hpp"
#include "api/mastodon/report_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/reports_api.hpp>
#include <loxodon/util/error.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

ReportsApi::ReportsApi(const config::Config& config, services::ReportService& reports)
    : config_(config), reports_(reports) {}

void ReportsApi::add_routes(Endpoints& e) {
  e.add({"POST", "/api/v1/reports", Access::kUser, {"write:reports"}},
        [this](Call& c) -> awaitable<http::Response> {
          services::ReportRequest r;
          auto account = c.params.string("account_id");
          if (!account || account->empty()) {
            throw Error(ErrorCode::kUnprocessable, "Validation failed: Account can't be blank");
          }
          auto ids = id_params(c.params, "account_id");
          if (ids.empty()) throw Error(ErrorCode::kNotFound, "Record not found");
          r.account_id = ids.front();
          r.status_ids = id_params(c.params, "status_ids");
          r.comment = c.params.string("comment").value_or("");
          r.category = c.params.string("category").value_or("");
          r.forward = c.params.boolean("forward").value_or(false);
          auto made = co_await reports_.create(c.user().account.id, std::move(r));
          co_return http::Response::json(200, report_json(config_, made));
        });
  e.add({"GET", "/api/v1/admin/reports", Access::kUser, {"admin:read:reports"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto page = page_query(c.params, 100, 200);
          bool resolved = c.params.boolean("resolved").value_or(false);
          auto rows = co_await reports_.list(c.user().user, resolved, page);
          json out = json::array();
          std::vector<std::int64_t> cursors;
          for (const auto& v : rows) {
            out.push_back(admin_report_json(config_, v));
            cursors.push_back(v.report.id);
          }
          auto res = http::Response::json(200, out);
          add_link_header(res, c.request, config_, cursors);
          co_return res;
        });
  e.add({"GET", "/api/v1/admin/reports/:id", Access::kUser, {"admin:read:reports"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto v = co_await reports_.get(c.user().user, path_id(c.request));
          co_return http::Response::json(200, admin_report_json(config_, v));
        });
  e.add({"POST", "/api/v1/admin/reports/:id/resolve", Access::kUser, {"admin:write:reports"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto v = co_await reports_.resolve(c.user().user, path_id(c.request));
          co_return http::Response::json(200, admin_report_json(config_, v));
        });
  e.add({"POST", "/api/v1/admin/reports/:id/reopen", Access::kUser, {"admin:write:reports"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto v = co_await reports_.reopen(c.user().user, path_id(c.request));
          co_return http::Response::json(200, admin_report_json(config_, v));
        });
}

}  // namespace lox::api::mastodon
