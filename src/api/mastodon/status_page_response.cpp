#include "api/mastodon/status_page_response.hpp"

#include "api/mastodon/pagination.hpp"
#include "api/mastodon/status_serializer.hpp"

namespace lox::api::mastodon {

http::Response status_page_response(const http::Request& request, const config::Config& config,
                                    const services::StatusPage& page) {
  http::Response res = http::Response::json_text(200, statuses_json_text(config, page));
  std::vector<std::int64_t> cursors;
  for (const auto& v : page.statuses) cursors.push_back(v.status.id);
  add_link_header(res, request, config, cursors);
  return res;
}

}  // namespace lox::api::mastodon
