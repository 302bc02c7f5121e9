#include <loxodon/activitypub/html_sanitizer.hpp>
#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::activitypub {

using nlohmann::json;

namespace {

bool is_public(const std::string& id) {
  return id == kPublicCollection || id == "as:Public" || id == "Public";
}

struct Addressing {
  json to = json::array();
  json cc = json::array();
};

Addressing address(const config::Config& config, const domain::Account& author,
                   domain::Visibility visibility, const std::vector<std::string>& mentions) {
  const std::string followers = config.actor_url(author.username) + "/followers";
  Addressing a;
  switch (visibility) {
    case domain::Visibility::kPublic:
      a.to.push_back(kPublicCollection);
      a.cc.push_back(followers);
      break;
    case domain::Visibility::kUnlisted:
      a.to.push_back(followers);
      a.cc.push_back(kPublicCollection);
      break;
    case domain::Visibility::kPrivate:
      a.to.push_back(followers);
      break;
    case domain::Visibility::kDirect:
      break;
  }
  for (const auto& m : mentions) {
    (visibility == domain::Visibility::kDirect ? a.to : a.cc).push_back(m);
  }
  return a;
}

std::string iso(std::chrono::system_clock::time_point t) {
  std::string s = format_iso8601_ms(t);  // 2024-01-01T12:00:00.000Z → Mastodon sends seconds
  return s.substr(0, 19) + "Z";
}

}  // namespace

json create_note_activity(const config::Config& config, const domain::Account& author,
                          const domain::Status& status, const std::vector<std::string>& mentions,
                          const std::optional<std::string>& in_reply_to) {
  const std::string actor = config.actor_url(author.username);
  Addressing a = address(config, author, status.visibility, mentions);
  json tags = json::array();
  for (const auto& m : mentions) tags.push_back({{"type", "Mention"}, {"href", m}});
  json note = {{"id", status.uri.value_or("")},
               {"type", "Note"},
               {"summary", status.spoiler_text.empty() ? json(nullptr) : json(status.spoiler_text)},
               {"inReplyTo", in_reply_to ? json(*in_reply_to) : json(nullptr)},
               {"published", iso(status.created_at)},
               {"url", status.url.value_or(status.uri.value_or(""))},
               {"attributedTo", actor},
               {"to", a.to},
               {"cc", a.cc},
               {"sensitive", status.sensitive},
               {"content", status.content},
               {"attachment", json::array()},
               {"tag", tags}};
  if (status.language) note["contentMap"] = {{*status.language, status.content}};
  return {{"@context",
           json::array({"https://www.w3.org/ns/activitystreams", {{"sensitive", "as:sensitive"}}})},
          {"id", status.uri.value_or("") + "/activity"},
          {"type", "Create"},
          {"actor", actor},
          {"published", note["published"]},
          {"to", a.to},
          {"cc", a.cc},
          {"object", note}};
}

json delete_note_activity(const config::Config& config, const domain::Account& author,
                          const domain::Status& status) {
  const std::string actor = config.actor_url(author.username);
  Addressing a = address(config, author, status.visibility, {});
  return {{"@context", "https://www.w3.org/ns/activitystreams"},
          {"id", status.uri.value_or("") + "#delete"},
          {"type", "Delete"},
          {"actor", actor},
          {"to", a.to},
          {"cc", a.cc},
          {"object", {{"id", status.uri.value_or("")}, {"type", "Tombstone"}}}};
}

json announce_activity(const config::Config& config, const domain::Account& booster,
                       const std::string& boost_uri, const std::string& original_uri,
                       const std::string& original_author_uri) {
  const std::string actor = config.actor_url(booster.username);
  return {{"@context", "https://www.w3.org/ns/activitystreams"},
          {"id", boost_uri},
          {"type", "Announce"},
          {"actor", actor},
          {"to", {kPublicCollection}},
          {"cc", {original_author_uri, actor + "/followers"}},
          {"object", original_uri}};
}

json undo_activity(const json& activity) {
  json object = activity;
  object.erase("@context");
  return {{"@context", "https://www.w3.org/ns/activitystreams"},
          {"id", id_of(activity) + "/undo"},
          {"type", "Undo"},
          {"actor", activity.value("actor", json())},
          {"object", object}};
}

std::optional<RemoteNote> read_note(const json& o) {
  if (!o.is_object()) return std::nullopt;
  // Mastodon's supported types, and those it converts (shown by name and link).
  static const std::vector<std::string> kTypes = {"Note",  "Article", "Question", "Page",
                                                  "Video", "Audio",   "Image",    "Event"};
  std::string type =
      o.contains("type") && o["type"].is_string() ? o["type"].get<std::string>() : "";
  if (std::find(kTypes.begin(), kTypes.end(), type) == kTypes.end()) return std::nullopt;
  RemoteNote n;
  n.uri = id_of(o);
  n.attributed_to = id_of(o.value("attributedTo", json()));
  if (n.uri.empty() || n.attributed_to.empty()) return std::nullopt;
  std::string content;
  if (o.contains("content") && o["content"].is_string()) {
    content = o["content"].get<std::string>();
  } else if (o.contains("contentMap") && o["contentMap"].is_object() && !o["contentMap"].empty()) {
    const auto& first = o["contentMap"].begin().value();
    if (first.is_string()) content = first.get<std::string>();
  }
  if (type != "Note" && type != "Question") {
    // Long forms are shown by their name and link, as Mastodon shows them.
    std::string name = o.value("name", json("")).is_string() ? o["name"].get<std::string>() : "";
    if (!name.empty()) content = "<p>" + html_escape(name) + "</p>" + content;
  }
  n.content_html = sanitize_html(to_valid_utf8(content));
  if (o.contains("summary") && o["summary"].is_string()) {
    n.summary = to_valid_utf8(o["summary"].get<std::string>());
  }
  n.sensitive = o.value("sensitive", json(false)) == json(true) || !n.summary.empty();
  if (o.contains("contentMap") && o["contentMap"].is_object() && !o["contentMap"].empty()) {
    std::string lang = o["contentMap"].begin().key();
    if (lang.size() >= 2 && lang.size() <= 8) n.language = lang.substr(0, lang.find('-'));
  }
  // `url`: a string, a Link, or an array of either (PeerTube lists one per media type; the
  // HTML page is the one people open).
  if (o.contains("url")) {
    const json& url = o["url"];
    for (const auto& u : url.is_array() ? url : json::array({url})) {
      std::string href = u.is_string() ? u.get<std::string>()
                         : u.is_object() && u.contains("href") && u["href"].is_string()
                             ? u["href"].get<std::string>()
                             : "";
      if (href.empty()) continue;
      bool html = u.is_object() && u.value("mediaType", json("")) == json("text/html");
      if (!n.url || html) n.url = href;
      if (html) break;
    }
  }
  auto in_reply = ids_of(o.value("inReplyTo", json()));
  if (!in_reply.empty()) n.in_reply_to = in_reply[0];
  auto to = ids_of(o.value("to", json()));
  auto cc = ids_of(o.value("cc", json()));
  bool public_to = std::any_of(to.begin(), to.end(), is_public);
  bool public_cc = std::any_of(cc.begin(), cc.end(), is_public);
  bool followers = std::any_of(to.begin(), to.end(),
                               [](const std::string& id) { return id.ends_with("/followers"); });
  n.visibility = public_to   ? domain::Visibility::kPublic
                 : public_cc ? domain::Visibility::kUnlisted
                 : followers ? domain::Visibility::kPrivate
                             : domain::Visibility::kDirect;
  const json& tags = o.value("tag", json());
  for (const auto& t : tags.is_array() ? tags : json::array({tags})) {
    if (t.is_object() && t.value("type", json("")) == json("Mention") && t.contains("href") &&
        t["href"].is_string()) {
      n.mentioned.push_back(t["href"].get<std::string>());
    }
  }
  return n;
}

}  // namespace lox::activitypub
