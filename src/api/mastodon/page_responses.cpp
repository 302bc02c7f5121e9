#include "api/mastodon/page_responses.hpp"

#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/pagination.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/util/error.hpp>

namespace lox::api::mastodon {

http::Response status_page_response(const http::Request& request, const config::Config& config,
                                    const services::StatusPage& page) {
  http::Response res = http::Response::json_text(200, statuses_json_text(config, page));
  std::vector<std::int64_t> cursors;
  for (const auto& v : page.statuses) cursors.push_back(v.status.id);
  add_link_header(res, request, config, cursors);
  return res;
}

http::Response cursor_status_page_response(const http::Request& request,
                                           const config::Config& config,
                                           const services::CursorStatusPage& page) {
  http::Response res = http::Response::json_text(200, statuses_json_text(config, page.page));
  add_link_header(res, request, config, page.cursors);
  return res;
}

http::Response status_response(const config::Config& config, const services::StatusPage& page,
                               bool with_source) {
  if (page.statuses.empty()) throw Error(ErrorCode::kNotFound, "Record not found");
  return http::Response::json(200, status_json(config, page.statuses[0], page, with_source));
}

http::Response account_page_response(const http::Request& request, const config::Config& config,
                                     const services::AccountPage& page) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& a : page.accounts) out.push_back(account_json(config, a));
  http::Response res = http::Response::json(200, out);
  add_link_header(res, request, config, page.cursors);
  return res;
}

}  // namespace lox::api::mastodon
