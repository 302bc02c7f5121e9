#include "api/mastodon/pagination.hpp"

#include <algorithm>
#include <charconv>

namespace lox::api::mastodon {

namespace {
std::optional<std::int64_t> id_param(const http::Params& params, const char* key) {
  auto s = params.string(key);
  if (!s || s->empty()) return std::nullopt;
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
  if (ec != std::errc{} || ptr != s->data() + s->size() || v < 0) return std::nullopt;
  return v;
}
}  // namespace

domain::PageRequest page_request(const http::Params& params, int default_limit, int max_limit) {
  domain::PageRequest q;
  if (auto v = id_param(params, "max_id")) q.max_id = *v;
  if (auto v = id_param(params, "since_id")) q.since_id = *v;
  q.min_id = id_param(params, "min_id");
  auto limit = params.integer("limit").value_or(default_limit);
  q.limit = static_cast<int>(std::clamp<long long>(limit, 1, max_limit));
  return q;
}

void add_link_header(http::Response& response, const http::Request& request,
                     const config::Config& config, const std::vector<std::int64_t>& cursors) {
  if (cursors.empty()) return;
  std::string keep;
  for (const auto& [k, v] : request.query) {
    if (k == "max_id" || k == "since_id" || k == "min_id") continue;
    keep += http::url_encode(k) + "=" + http::url_encode(v) + "&";
  }
  // Link paths keep their raw form: only the query is rebuilt.
  std::string base = config.base_url() + request.path + "?" + keep;
  auto newest = *std::max_element(cursors.begin(), cursors.end());
  auto oldest = *std::min_element(cursors.begin(), cursors.end());
  response.set_header("Link", "<" + base + "max_id=" + std::to_string(oldest) +
                                  ">; rel=\"next\", <" + base + "min_id=" + std::to_string(newest) +
                                  ">; rel=\"prev\"");
}

}  // namespace lox::api::mastodon
