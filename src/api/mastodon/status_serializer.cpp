#include "api/mastodon/status_serializer.hpp"

#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/emoji_serializer.hpp"
#include "api/mastodon/filter_serializer.hpp"
#include "api/mastodon/media_serializer.hpp"

#include <loxodon/util/http_url.hpp>
#include <loxodon/util/time_format.hpp>

#include <algorithm>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {
std::optional<std::string> id_or_null(const std::optional<std::int64_t>& id) {
  if (!id) return std::nullopt;
  return std::to_string(*id);
}

std::optional<std::string> time_or_null(
    const std::optional<std::chrono::system_clock::time_point>& t) {
  if (!t) return std::nullopt;
  return format_iso8601_ms(*t);
}

// A poll shows the emoji its options use (the status's emoji, filtered).
void write_poll(JsonWriter& w, const config::Config& config, const domain::Poll& p,
                const std::vector<domain::CustomEmoji>& status_emojis) {
  std::vector<domain::CustomEmoji> emojis;
  for (const auto& e : status_emojis) {
    const std::string code = ":" + e.shortcode + ":";
    if (std::any_of(p.options.begin(), p.options.end(),
                    [&](const std::string& o) { return o.find(code) != std::string::npos; })) {
      emojis.push_back(e);
    }
  }
  w.begin_object();
  w.field("id", std::to_string(p.id));
  w.field("expires_at", time_or_null(p.expires_at));
  w.bool_field("expired", p.expired);
  w.bool_field("multiple", p.multiple);
  w.number_field("votes_count", p.votes_count);
  w.number_field("voters_count", p.voters_count);
  w.key("options");
  w.begin_array();
  for (std::size_t i = 0; i < p.options.size(); ++i) {
    w.begin_object();
    w.field("title", p.options[i]);
    // hide_totals: counts stay hidden until the poll ends.
    if (p.hide_totals && !p.expired) {
      w.null_field("votes_count");
    } else {
      w.number_field("votes_count", i < p.votes.size() ? p.votes[i] : 0);
    }
    w.end_object();
  }
  w.end_array();
  write_emojis(w, config, emojis);
  w.bool_field("voted", p.voted);
  w.key("own_votes");
  w.begin_array();
  for (int c : p.own_votes) w.value(std::int64_t{c});
  w.end_array();
  w.end_object();
}

// Mastodon's REST::PreviewCardSerializer. A card's size is its player's, else its image's.
void write_card(JsonWriter& w, const config::Config& config, const domain::PreviewCard& c) {
  w.begin_object();
  w.field("url", c.url);
  w.field("title", c.title);
  w.field("description", c.description);
  w.field("language", c.language);
  w.field("type", c.type);
  w.field("author_name", c.author_name);
  w.field("author_url", c.author_url);
  w.field("provider_name", c.provider_name);
  w.field("provider_url", c.provider_url);
  w.field("html", c.html);
  w.number_field("width", c.width > 0 ? c.width : c.image_width);
  w.number_field("height", c.height > 0 ? c.height : c.image_height);
  w.key("image");
  if (c.image_key) {
    w.value(media_url(config, *c.image_key));
  } else {
    w.null();
  }
  w.field("image_description", c.image_description);
  w.field("embed_url", c.embed_url);
  w.field("blurhash", c.blurhash);
  w.field("published_at", c.published_at);
  w.key("authors");
  w.begin_array();
  if (!c.author_name.empty() || !c.author_url.empty()) {
    w.begin_object();
    w.field("name", c.author_name);
    w.field("url", c.author_url);
    w.null_field("account");
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

// What the text refers to: attachments, mentions, hashtags and custom emoji.
void write_entities(JsonWriter& w, const config::Config& config, const domain::StatusView& v) {
  w.key("media_attachments");
  w.begin_array();
  for (const auto& m : v.media) w.raw(media_json(config, m).dump());
  w.end_array();
  w.key("mentions");
  w.begin_array();
  for (const auto& m : v.mentions) {
    w.begin_object();
    w.field("id", std::to_string(m.account_id));
    w.field("username", m.username);
    w.field("url", m.url);
    w.field("acct", m.acct);
    w.end_object();
  }
  w.end_array();
  w.key("tags");
  w.begin_array();
  for (const auto& t : v.tags) {
    w.begin_object();
    w.field("name", t);
    w.field("url", config.base_url() + "/tags/" + t);
    w.end_object();
  }
  w.end_array();
  write_emojis(w, config, v.emojis);
}

// The viewer's own relation to the status; `pinned` only on the viewer's own posts.
void write_viewer_state(JsonWriter& w, const domain::StatusView& v) {
  const auto& s = v.status;
  w.bool_field("favourited", v.favourited);
  w.bool_field("reblogged", v.reblogged);
  w.bool_field("bookmarked", v.bookmarked);
  w.bool_field("muted", v.muted);
  w.key("filtered");
  w.begin_array();
  for (const auto& r : v.filtered) w.raw(filter_result_json(r).dump());
  w.end_array();
  if (v.pinned || s.account_id == v.account.id) w.bool_field("pinned", v.pinned);
}

void write_application(JsonWriter& w, const domain::StatusView& v) {
  if (v.application_name) {
    w.key("application");
    w.begin_object();
    w.field("name", *v.application_name);
    w.field("website", v.application_website);
    w.end_object();
  }
}

// Mastodon's REST::StatusSerializer; a boost carries its original from the page.
void write_status(JsonWriter& w, const config::Config& config, const domain::StatusView& v,
                  const services::StatusPage& page, bool with_source) {
  const auto& s = v.status;
  w.begin_object();
  w.field("id", std::to_string(s.id));
  w.field("uri", s.uri.value_or(""));
  if (!s.url || is_http_url(*s.url)) {
    w.field("url", s.url);
  } else {
    w.field("url", s.uri.value_or(""));  // a stored non-web address is never served
  }
  w.field("created_at", format_iso8601_ms(s.created_at));
  w.field("edited_at", time_or_null(s.edited_at));
  w.key("account");
  write_account(w, config, v.account);
  w.field("content", s.content);
  w.field("visibility", domain::visibility_name(s.visibility));
  w.bool_field("sensitive", s.sensitive);
  w.field("spoiler_text", s.spoiler_text);
  write_entities(w, config, v);
  w.number_field("reblogs_count", s.reblogs_count);
  w.number_field("favourites_count", s.favourites_count);
  w.number_field("replies_count", s.replies_count);
  w.field("in_reply_to_id", id_or_null(s.in_reply_to_id));
  w.field("in_reply_to_account_id", id_or_null(s.in_reply_to_account_id));
  w.key("reblog");
  auto original = s.reblog_of_id ? page.reblogged.find(*s.reblog_of_id) : page.reblogged.end();
  if (original != page.reblogged.end()) {
    write_status(w, config, original->second, page, false);
  } else {
    w.null();
  }
  w.key("poll");
  if (v.poll) {
    write_poll(w, config, *v.poll, v.emojis);
  } else {
    w.null();
  }
  w.key("card");
  if (v.card) {
    write_card(w, config, *v.card);
  } else {
    w.null();
  }
  w.field("language", s.language);
  w.key("text");
  if (with_source) {
    w.value(std::string_view(s.text));
  } else {
    w.null();
  }
  write_viewer_state(w, v);
  write_application(w, v);
  w.end_object();
}

}  // namespace

json status_json(const config::Config& config, const domain::StatusView& v,
                 const services::StatusPage& page, bool with_source) {
  JsonWriter w;
  write_status(w, config, v, page, with_source);
  return json::parse(w.take());
}

std::string statuses_json_text(const config::Config& config, const services::StatusPage& page) {
  JsonWriter w;
  w.begin_array();
  for (const auto& v : page.statuses) write_status(w, config, v, page, false);
  w.end_array();
  return w.take();
}

std::string status_json_text(const config::Config& config, const domain::StatusView& view,
                             const services::StatusPage& page) {
  JsonWriter w;
  write_status(w, config, view, page, false);
  return w.take();
}

json statuses_json(const config::Config& config, const services::StatusPage& page) {
  return json::parse(statuses_json_text(config, page));
}

json relationship_json(const domain::Relationship& r) {
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
