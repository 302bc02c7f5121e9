#include <loxodon/activitypub/emoji_documents.hpp>
#include <loxodon/activitypub/emoji_reader.hpp>
#include <loxodon/activitypub/html_sanitizer.hpp>
#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/http_url.hpp>
#include <loxodon/util/time_format.hpp>

#include <algorithm>
#include <cctype>

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

// Attachments as Mastodon describes them (Document with its type, size and blurhash); ones
// still processing have no file yet and are left out.
json attachment_documents(const config::Config& config,
                          const std::vector<domain::MediaAttachment>& media) {
  json attachments = json::array();
  for (const auto& m : media) {
    if (m.state != 1 || !m.file_key) continue;
    json doc = {{"type", "Document"},
                {"mediaType", m.content_type},
                {"url", config.media_url(*m.file_key)},
                {"name", m.description.empty() ? json(nullptr) : json(m.description)},
                {"blurhash", m.blurhash ? json(*m.blurhash) : json(nullptr)}};
    if (m.kind == 0) doc["focalPoint"] = json::array({m.focus_x, m.focus_y});
    json meta = json::parse(m.meta, nullptr, false);
    if (meta.is_object() && meta.contains("original") && meta["original"].is_object()) {
      for (const char* k : {"width", "height"}) {
        if (meta["original"].contains(k)) doc[k] = meta["original"][k];
      }
    }
    attachments.push_back(std::move(doc));
  }
  return attachments;
}

json note_tags(const config::Config& config, const NoteContext& context) {
  json tags = json::array();
  for (const auto& m : context.mentions) {
    tags.push_back({{"type", "Mention"}, {"href", m.href}, {"name", m.name}});
  }
  for (const auto& name : context.hashtags) {
    tags.push_back(
        {{"type", "Hashtag"}, {"href", config.base_url() + "/tags/" + name}, {"name", "#" + name}});
  }
  for (const auto& e : context.emojis) tags.push_back(emoji_tag(config, e));
  return tags;
}

// A poll makes the Note a Question, as Mastodon sends it: the options with their counts.
void make_question(json& note, const domain::Poll& poll) {
  note["type"] = "Question";
  json options = json::array();
  for (std::size_t i = 0; i < poll.options.size(); ++i) {
    options.push_back(
        {{"type", "Note"},
         {"name", poll.options[i]},
         {"replies",
          {{"type", "Collection"}, {"totalItems", i < poll.votes.size() ? poll.votes[i] : 0}}}});
  }
  note[poll.multiple ? "anyOf" : "oneOf"] = options;
  if (poll.expires_at) {
    note[poll.expired ? "closed" : "endTime"] = iso(*poll.expires_at);
    if (poll.expired) note["endTime"] = iso(*poll.expires_at);
  }
  note["votersCount"] = poll.voters_count;
}

// `content` or else the first of `contentMap`, sanitised. Long forms are shown by their name
// and link, as Mastodon shows them.
std::string note_content_html(const json& o, const std::string& type) {
  std::string content;
  if (o.contains("content") && o["content"].is_string()) {
    content = o["content"].get<std::string>();
  } else if (o.contains("contentMap") && o["contentMap"].is_object() && !o["contentMap"].empty()) {
    const auto& first = o["contentMap"].begin().value();
    if (first.is_string()) content = first.get<std::string>();
  }
  if (type != "Note" && type != "Question") {
    // By value: o is const, and o["name"] on an object without it reads past its end.
    const json name_value = o.value("name", json());
    std::string name = name_value.is_string() ? name_value.get<std::string>() : "";
    name = to_valid_utf8(name);
    if (!name.empty()) {
      content = "<p>" + html_escape(utf8_prefix(name, kMaxRemoteNameBytes)) + "</p>" +
                std::string(utf8_prefix(to_valid_utf8(content), kMaxRemoteContentBytes));
    }
  }
  content = to_valid_utf8(content);
  return sanitize_html(utf8_prefix(content, kMaxRemoteContentBytes + kMaxRemoteNameBytes));
}

// `url`: a string, a Link, or an array of either (PeerTube lists one per media type; the
// HTML page is the one people open).
std::optional<std::string> note_url(const json& o) {
  std::optional<std::string> found;
  if (!o.contains("url")) return found;
  const json& url = o["url"];
  for (const auto& u : url.is_array() ? url : json::array({url})) {
    std::string href = u.is_string() ? u.get<std::string>()
                       : u.is_object() && u.contains("href") && u["href"].is_string()
                           ? u["href"].get<std::string>()
                           : "";
    // Only a web address is ever served as a post's link (javascript: and the like go).
    if (!is_http_url(href)) continue;
    bool html = u.is_object() && u.value("mediaType", json("")) == json("text/html");
    if (!found || html) found = href;
    if (html) break;
  }
  return found;
}

domain::Visibility note_visibility(const json& o) {
  auto to = ids_of(o.value("to", json()));
  auto cc = ids_of(o.value("cc", json()));
  bool public_to = std::any_of(to.begin(), to.end(), is_public);
  bool public_cc = std::any_of(cc.begin(), cc.end(), is_public);
  bool followers = std::any_of(to.begin(), to.end(),
                               [](const std::string& id) { return id.ends_with("/followers"); });
  return public_to   ? domain::Visibility::kPublic
         : public_cc ? domain::Visibility::kUnlisted
         : followers ? domain::Visibility::kPrivate
                     : domain::Visibility::kDirect;
}

// A Question's options with the counts its server publishes; nothing without options.
std::optional<RemotePoll> read_poll(const json& o) {
  RemotePoll poll;
  poll.multiple = o.contains("anyOf") && o["anyOf"].is_array();
  const json& choices = poll.multiple ? o["anyOf"] : o.value("oneOf", json());
  for (const auto& c : choices.is_array() ? choices : json::array()) {
    if (poll.options.size() >= kMaxRemotePollOptions) break;
    if (!c.is_object() || !c.contains("name") || !c["name"].is_string()) continue;
    std::string name = to_valid_utf8(c["name"].get<std::string>());
    if (name.size() > 500) name = to_valid_utf8(name.substr(0, 500));
    poll.options.push_back(name);
    std::int64_t count = 0;
    const json& replies = c.value("replies", json());
    if (replies.is_object() && replies.contains("totalItems") &&
        replies["totalItems"].is_number_integer()) {
      count = std::max<std::int64_t>(0, replies["totalItems"].get<std::int64_t>());
    }
    poll.counts.push_back(count);
  }
  if (o.contains("votersCount") && o["votersCount"].is_number_integer()) {
    poll.voters = std::max<std::int64_t>(0, o["votersCount"].get<std::int64_t>());
  } else {
    for (auto c : poll.counts) poll.voters += c;
  }
  for (const char* key : {"endTime", "closed"}) {
    if (!poll.ends_at && o.contains(key) && o[key].is_string()) {
      poll.ends_at = parse_iso8601(o[key].get<std::string>());
    }
  }
  if (poll.options.empty()) return std::nullopt;
  return poll;
}

// Nothing for an entry that is not an object or has no http(s) url.
std::optional<RemoteAttachment> read_attachment(const json& a) {
  if (!a.is_object()) return std::nullopt;
  RemoteAttachment att;
  const json& url = a.value("url", json());
  if (url.is_string()) {
    att.url = url.get<std::string>();
  } else if (url.is_object() && url.contains("href") && url["href"].is_string()) {
    att.url = url["href"].get<std::string>();
  } else if (url.is_array() && !url.empty() && url[0].is_string()) {
    att.url = url[0].get<std::string>();
  }
  if (!att.url.starts_with("https://") && !att.url.starts_with("http://")) return std::nullopt;
  if (a.contains("mediaType") && a["mediaType"].is_string()) {
    att.media_type = a["mediaType"].get<std::string>();
  }
  if (a.contains("name") && a["name"].is_string()) {
    att.description = to_valid_utf8(a["name"].get<std::string>()).substr(0, 1500);
    att.description = to_valid_utf8(att.description);
  }
  if (a.contains("blurhash") && a["blurhash"].is_string() &&
      a["blurhash"].get<std::string>().size() <= 100) {
    att.blurhash = a["blurhash"].get<std::string>();
  }
  const json& focal = a.value("focalPoint", json());
  if (focal.is_array() && focal.size() == 2 && focal[0].is_number() && focal[1].is_number()) {
    att.focus_x = std::clamp(focal[0].get<double>(), -1.0, 1.0);
    att.focus_y = std::clamp(focal[1].get<double>(), -1.0, 1.0);
  }
  return att;
}

std::vector<std::string> mention_hrefs(const json& o) {
  std::vector<std::string> hrefs;
  const json& tags = o.value("tag", json());
  for (const auto& t : tags.is_array() ? tags : json::array({tags})) {
    if (t.is_object() && t.value("type", json("")) == json("Mention") && t.contains("href") &&
        t["href"].is_string()) {
      hrefs.push_back(t["href"].get<std::string>());
    }
  }
  return hrefs;
}

// Hashtags as tag timelines index them (names as our own posts store them: lowercase,
// letters, digits and underscores, not only digits).
std::vector<std::string> hashtag_names(const json& o) {
  std::vector<std::string> hashtags;
  const json& tag_list = o.value("tag", json());
  for (const auto& t : tag_list.is_array() ? tag_list : json::array({tag_list})) {
    if (hashtags.size() >= 50) break;
    if (!t.is_object() || t.value("type", json()) != "Hashtag" || !t.contains("name") ||
        !t["name"].is_string()) {
      continue;
    }
    std::string name = t["name"].get<std::string>();
    if (!name.empty() && name.front() == '#') name.erase(0, 1);
    bool word =
        !name.empty() && name.size() <= 100 && std::all_of(name.begin(), name.end(), [](char c) {
          auto b = static_cast<unsigned char>(c);
          return std::isalnum(b) || b == '_' || b >= 0x80;
        });
    bool digits_only = std::all_of(name.begin(), name.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c));
    });
    if (!word || digits_only || to_valid_utf8(name) != name) continue;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (std::find(hashtags.begin(), hashtags.end(), name) == hashtags.end()) {
      hashtags.push_back(name);
    }
  }
  return hashtags;
}

}  // namespace

json create_note_activity(const config::Config& config, const domain::Account& author,
                          const domain::Status& status, const NoteContext& context) {
  const auto& poll = context.poll;
  const auto& in_reply_to = context.in_reply_to;
  std::vector<std::string> mentions;
  for (const auto& m : context.mentions) mentions.push_back(m.href);
  json attachments = attachment_documents(config, context.media);
  const std::string actor = config.actor_url(author.username);
  Addressing a = address(config, author, status.visibility, mentions);
  json tags = note_tags(config, context);
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
               {"attachment", attachments},
               {"tag", tags}};
  if (status.language) note["contentMap"] = {{*status.language, status.content}};
  if (poll) make_question(note, *poll);
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
  n.content_html = note_content_html(o, type);
  if (o.contains("summary") && o["summary"].is_string()) {
    std::string summary = to_valid_utf8(o["summary"].get<std::string>());
    n.summary = std::string(utf8_prefix(summary, kMaxRemoteSummaryBytes));
  }
  n.sensitive = o.value("sensitive", json(false)) == json(true) || !n.summary.empty();
  if (o.contains("contentMap") && o["contentMap"].is_object() && !o["contentMap"].empty()) {
    std::string lang = o["contentMap"].begin().key();
    if (lang.size() >= 2 && lang.size() <= 8) n.language = lang.substr(0, lang.find('-'));
  }
  n.url = note_url(o);
  auto in_reply = ids_of(o.value("inReplyTo", json()));
  if (!in_reply.empty()) n.in_reply_to = in_reply[0];
  n.visibility = note_visibility(o);
  if (type == "Question") n.poll = read_poll(o);
  const json& attachments = o.value("attachment", json());
  for (const auto& a : attachments.is_array() ? attachments : json::array({attachments})) {
    if (n.attachments.size() >= kMaxRemoteAttachments) break;
    if (auto att = read_attachment(a)) n.attachments.push_back(std::move(*att));
  }
  n.mentioned = mention_hrefs(o);
  n.hashtags = hashtag_names(o);
  std::vector<std::string_view> texts = {n.content_html, n.summary};
  if (n.poll) texts.insert(texts.end(), n.poll->options.begin(), n.poll->options.end());
  n.emojis = read_emojis(o, texts);
  return n;
}

}  // namespace lox::activitypub
