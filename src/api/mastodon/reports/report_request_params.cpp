#include "api/mastodon/reports/report_request_params.hpp"

#include "api/mastodon/request_ids.hpp"

#include <loxodon/util/error.hpp>

namespace lox::api::mastodon {

services::ReportRequest report_request_from(const http::Params& params) {
  services::ReportRequest r;
  auto account = params.string("account_id");
  if (!account || account->empty()) {
    throw Error(ErrorCode::kUnprocessable, "Validation failed: Account can't be blank");
  }
  auto ids = id_params(params, "account_id");
  if (ids.empty()) throw Error(ErrorCode::kNotFound, "Record not found");
  r.account_id = ids.front();
  r.status_ids = id_params(params, "status_ids");
  r.comment = params.string("comment").value_or("");
  r.category = params.string("category").value_or("");
  r.forward = params.boolean("forward").value_or(false);
  return r;
}

}  // namespace lox::api::mastodon
