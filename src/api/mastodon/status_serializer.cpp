#include "api/mastodon/status_serializer.hpp"

#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/filter_serializer.hpp"

#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {
json nullable_id(const std::optional<std::int64_t>& id) {
  return id ? json(std::to_string(*id)) : json(nullptr);
}
json poll_json(const domain::Poll& p) {
  json options = json::array();
  for (std::size_t i = 0; i < p.options.size(); ++i) {
    std::int64_t votes = i < p.votes.size() ? p.votes[i] : 0;
    // hide_totals: counts stay hidden until the poll ends.
    options.push_back({{"title", p.options[i]},
                       {"votes_count", p.hide_totals && !p.expired ? json(nullptr) : json(votes)}});
  }
  json own = json::array();
  for (int c : p.own_votes) own.push_back(c);
  return {{"id", std::to_string(p.id)},
          {"expires_at", p.expires_at ? json(format_iso8601_ms(*p.expires_at)) : json(nullptr)},
          {"expired", p.expired},
          {"multiple", p.multiple},
          {"votes_count", p.votes_count},
          {"voters_count", p.voters_count},
          {"options", options},
          {"emojis", json::array()},
          {"voted", p.voted},
          {"own_votes", own}};
}

}  // namespace

json status_json(const config::Config& config, const domain::StatusView& v,
                 const services::StatusPage& page, bool with_source) {
  const auto& s = v.status;
  json filtered = json::array();
  for (const auto& r : v.filtered) filtered.push_back(filter_result_json(r));
  json mentions = json::array();
  for (const auto& m : v.mentions) {
    mentions.push_back({{"id", std::to_string(m.account_id)},
                        {"username", m.username},
                        {"url", m.url},
                        {"acct", m.acct}});
  }
  json tags = json::array();
  for (const auto& t : v.tags) {
    tags.push_back({{"name", t}, {"url", config.base_url() + "/tags/" + t}});
  }
  json reblog = nullptr;
  if (s.reblog_of_id) {
    auto it = page.reblogged.find(*s.reblog_of_id);
    if (it != page.reblogged.end()) reblog = status_json(config, it->second, page);
  }
  json out = {
      {"id", std::to_string(s.id)},
      {"uri", s.uri.value_or("")},
      {"url", s.url ? json(*s.url) : json(nullptr)},
      {"created_at", format_iso8601_ms(s.created_at)},
      {"edited_at", s.edited_at ? json(format_iso8601_ms(*s.edited_at)) : json(nullptr)},
      {"account", account_json(config, v.account)},
      {"content", s.content},
      {"visibility", domain::visibility_name(s.visibility)},
      {"sensitive", s.sensitive},
      {"spoiler_text", s.spoiler_text},
      {"media_attachments", json::array()},
      {"mentions", mentions},
      {"tags", tags},
      {"emojis", json::array()},
      {"reblogs_count", s.reblogs_count},
      {"favourites_count", s.favourites_count},
      {"replies_count", s.replies_count},
      {"in_reply_to_id", nullable_id(s.in_reply_to_id)},
      {"in_reply_to_account_id", nullable_id(s.in_reply_to_account_id)},
      {"reblog", reblog},
      {"poll", v.poll ? poll_json(*v.poll) : json(nullptr)},
      {"card", nullptr},
      {"language", s.language ? json(*s.language) : json(nullptr)},
      {"text", with_source ? json(s.text) : json(nullptr)},
      {"favourited", v.favourited},
      {"reblogged", v.reblogged},
      {"bookmarked", v.bookmarked},
      {"muted", v.muted},
      {"filtered", filtered},
  };
  if (v.pinned || s.account_id == v.account.id) out["pinned"] = v.pinned;
  if (v.application_name) {
    out["application"] = {
        {"name", *v.application_name},
        {"website", v.application_website ? json(*v.application_website) : json(nullptr)}};
  }
  return out;
}

json statuses_json(const config::Config& config, const services::StatusPage& page) {
  json out = json::array();
  for (const auto& v : page.statuses) out.push_back(status_json(config, v, page));
  return out;
}

json relationship_json(const db::RelationshipRow& r) {
  return {{"id", std::to_string(r.id)},
          {"following", r.following},
          {"showing_reblogs", r.showing_reblogs},
          {"notifying", r.notifying},
          {"languages", r.languages ? json(*r.languages) : json(nullptr)},
          {"followed_by", r.followed_by},
          {"blocking", r.blocking},
          {"blocked_by", r.blocked_by},
          {"muting", r.muting},
          {"muting_notifications", r.muting_notifications},
          {"requested", r.requested},
          {"requested_by", r.requested_by},
          {"domain_blocking", r.domain_blocking},
          {"endorsed", r.endorsed},
          {"note", ""}};
}

}  // namespace lox::api::mastodon
