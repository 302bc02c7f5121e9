#include "api/mastodon/statuses/post_request_params.hpp"

#include "api/mastodon/request_ids.hpp"

#include <loxodon/util/error.hpp>

#include <charconv>

namespace lox::api::mastodon {

namespace {

std::optional<std::int64_t> reply_id(const http::Params& p) {
  auto reply = p.string("in_reply_to_id");
  if (!reply || reply->empty()) return std::nullopt;
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(reply->data(), reply->data() + reply->size(), id);
  if (ec != std::errc{} || ptr != reply->data() + reply->size()) {
    throw Error(ErrorCode::kNotFound, "Record not found");
  }
  return id;
}

services::PollRequest poll_request_from(const nlohmann::json& poll) {
  services::PollRequest pr;
  if (poll.contains("options")) {
    const nlohmann::json& options = poll["options"];
    if (options.is_array()) {
      for (const auto& o : options) pr.options.push_back(http::json_string(o).value_or(""));
    } else if (options.is_object()) {  // poll[options][0]=...
      for (const auto& [k, o] : options.items())
        pr.options.push_back(http::json_string(o).value_or(""));
    }
  }
  if (poll.contains("expires_in")) {
    auto raw = http::json_string(poll["expires_in"]).value_or("");
    auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), pr.expires_in);
    if (ec != std::errc{}) pr.expires_in = 0;
  }
  if (poll.contains("multiple")) pr.multiple = http::json_boolean(poll["multiple"]).value_or(false);
  if (poll.contains("hide_totals"))
    pr.hide_totals = http::json_boolean(poll["hide_totals"]).value_or(false);
  return pr;
}

}  // namespace

services::PostRequest edit_request_from(const http::Params& p) {
  services::PostRequest r;
  r.text = p.string_or("status", "");
  r.spoiler_text = p.string_or("spoiler_text", "");
  r.sensitive = p.boolean("sensitive").value_or(false);
  r.language = p.string("language");
  if (r.language && r.language->empty()) r.language.reset();
  return r;
}

services::PostRequest post_request_from(const http::Params& p) {
  services::PostRequest r = edit_request_from(p);
  r.visibility = p.string("visibility");
  r.in_reply_to_id = reply_id(p);
  r.media_ids = id_params(p, "media_ids");
  const nlohmann::json& poll = p.object("poll");
  if (poll.is_object()) r.poll = poll_request_from(poll);
  return r;
}

}  // namespace lox::api::mastodon
