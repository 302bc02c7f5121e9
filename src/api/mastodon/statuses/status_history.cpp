#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/statuses/statuses_module.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

namespace {
nlohmann::json version_json(const std::string& content, const std::string& spoiler_text,
                            bool sensitive, std::chrono::system_clock::time_point at,
                            const nlohmann::json& account) {
  return {{"content", content},
          {"spoiler_text", spoiler_text},
          {"sensitive", sensitive},
          {"created_at", format_iso8601_ms(at)},
          {"account", account},
          {"media_attachments", nlohmann::json::array()},
          {"emojis", nlohmann::json::array()}};
}
}  // namespace

// Every version of a status, oldest first, the current one last.
awaitable<http::Response> StatusesModule::history(Call& call) {
  auto h = co_await reader_.history(path_id(call.request), viewer_of(call));
  nlohmann::json account = account_json(config_, h.current.account);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : h.versions) {
    out.push_back(version_json(v.content, v.spoiler_text, v.sensitive, v.created_at, account));
  }
  const auto& s = h.current.status;
  out.push_back(version_json(s.content, s.spoiler_text, s.sensitive,
                             s.edited_at.value_or(s.created_at), account));
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
