#include "api/mastodon/request_ids.hpp"

#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/time_format.hpp>

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

namespace lox::api::mastodon {

namespace {
std::optional<std::int64_t> parse_id(std::string_view raw) {
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), id);
  if (ec != std::errc{} || ptr != raw.data() + raw.size()) return std::nullopt;
  return id;
}
}  // namespace

std::int64_t path_id(const http::Request& request, const char* name) {
  auto id = parse_id(request.path_param(name).value_or(""));
  if (!id) throw Error(ErrorCode::kNotFound, "Record not found");
  return *id;
}

std::vector<std::int64_t> id_params(const http::Params& params, const char* key) {
  std::vector<std::int64_t> out;
  auto raw = params.list(key);
  for (auto& s : params.list(std::string(key) + "[]")) raw.push_back(s);
  for (const auto& s : raw) {
    if (auto id = parse_id(s)) out.push_back(*id);
  }
  return out;
}

std::optional<std::chrono::system_clock::time_point> time_param(const http::Params& params,
                                                                const char* key,
                                                                const char* label) {
  auto raw = params.string(key);
  if (!raw || raw->empty()) return std::nullopt;
  auto at = parse_iso8601(*raw);
  if (!at) {
    services::ValidationErrors errors;
    errors.add(key, label, "ERR_INVALID", "is not a valid time");
    errors.throw_if_any();
  }
  return at;
}

std::int64_t viewer_of(const Call& call) {
  return call.caller && call.caller->user ? call.caller->user->account.id : 0;
}

}  // namespace lox::api::mastodon
