#include <loxodon/activitypub/actor_reader.hpp>
#include <loxodon/activitypub/emoji_reader.hpp>
#include <loxodon/activitypub/html_sanitizer.hpp>
#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/http_url.hpp>

#include <algorithm>
#include <array>
#include <string_view>

namespace lox::activitypub {

using nlohmann::json;

namespace {

constexpr std::array<std::string_view, 5> kActorTypes = {"Person", "Service", "Group",
                                                         "Organization", "Application"};
bool same_host(const std::string& a, const std::string& b) {
  std::string host = http_url_host(a);
  return !host.empty() && host == http_url_host(b);
}

std::string first_actor_type(const json& type) {
  auto one = [](const json& t) {
    return t.is_string() && std::find(kActorTypes.begin(), kActorTypes.end(),
                                      t.get<std::string>()) != kActorTypes.end();
  };
  if (type.is_array()) {
    for (const auto& t : type) {
      if (one(t)) return t.get<std::string>();
    }
    return "";
  }
  return one(type) ? type.get<std::string>() : "";
}

std::string string_field(const json& doc, const char* key) {
  return doc.contains(key) && doc[key].is_string() ? doc[key].get<std::string>() : "";
}

std::optional<std::string> optional_id(const json& doc, const char* key) {
  if (!doc.contains(key)) return std::nullopt;
  std::string id = id_of(doc[key]);
  return id.empty() ? std::nullopt : std::optional<std::string>(id);
}

// `url` may be a string, a Link object or an array of either (the first usable one wins); an
// Image carries its url one level down. Nothing real nests deeper than kMaxUrlNesting.
constexpr int kMaxUrlNesting = 4;

std::optional<std::string> url_of(const json& value, int level = 0) {
  if (level > kMaxUrlNesting) return std::nullopt;
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object()) {
    if (value.contains("href") && value["href"].is_string()) {
      return value["href"].get<std::string>();
    }
    if (value.contains("url")) return url_of(value["url"], level + 1);  // an Image with its url
    return std::nullopt;
  }
  if (value.is_array()) {
    for (const auto& v : value) {
      if (auto u = url_of(v, level + 1)) return u;
    }
  }
  return std::nullopt;
}

// Names are plain text: no markup, no control characters, bounded.
std::string plain_text(const std::string& text, std::size_t max_bytes) {
  std::string out;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out.push_back(c);
  }
  out = to_valid_utf8(out);
  if (out.size() > max_bytes) out.resize(max_bytes);
  return to_valid_utf8(out);
}

std::string bounded_html(const std::string& html, std::size_t max_bytes) {
  std::string text = to_valid_utf8(html);
  if (text.size() > max_bytes) text.resize(max_bytes);
  return sanitize_html(to_valid_utf8(text));
}

// The fields without which the actor cannot be addressed or followed; throws on the first missing.
void read_required(const json& doc, RemoteActor& a) {
  a.type = first_actor_type(doc.value("type", json()));
  if (a.type.empty()) throw ActorError("not an actor type: " + doc.value("type", json()).dump());
  a.id = id_of(doc);
  if (!a.id.starts_with("https://") && !a.id.starts_with("http://")) {
    throw ActorError("the actor id is not an http(s) URL");
  }
  a.username = string_field(doc, "preferredUsername");
  if (a.username.empty()) throw ActorError("the actor has no preferredUsername");
  if (!domain::valid_remote_username(a.username)) {
    throw ActorError("the actor's preferredUsername is not a valid username");
  }
  a.inbox = id_of(doc.value("inbox", json()));
  if (a.inbox.empty()) throw ActorError("the actor has no inbox");
}

// The key that signs for this actor: one whose owner is the actor itself (Mastodon reads at
// most ten).
std::string owned_key_pem(const json& doc, const std::string& actor_id) {
  const json& keys = doc.value("publicKey", json());
  int seen = 0;
  for (const auto& k : keys.is_array() ? keys : json::array({keys})) {
    if (++seen > 10) break;
    if (k.is_object() && id_of(k.value("owner", json())) == actor_id &&
        k.contains("publicKeyPem") && k["publicKeyPem"].is_string()) {
      return k["publicKeyPem"].get<std::string>();
    }
  }
  return "";
}

void read_property_fields(const json& doc,
                          std::vector<std::pair<std::string, std::string>>& fields) {
  const json& attachments = doc.value("attachment", json());
  for (const auto& f : attachments.is_array() ? attachments : json::array({attachments})) {
    if (fields.size() >= kMaxRemoteFields) break;
    if (!f.is_object() || f.value("type", json()) != "PropertyValue") continue;
    std::string name = plain_text(string_field(f, "name"), kMaxRemoteFieldLength);
    if (name.empty()) continue;
    fields.emplace_back(name, bounded_html(string_field(f, "value"), kMaxRemoteFieldLength));
  }
}

}  // namespace

bool is_actor_type(const json& type) { return !first_actor_type(type).empty(); }

RemoteActor read_actor(const json& doc) {
  if (!doc.is_object()) throw ActorError("not a JSON object");
  RemoteActor a;
  read_required(doc, a);
  a.display_name = plain_text(string_field(doc, "name"), 2048);
  a.summary_html = bounded_html(string_field(doc, "summary"), 20 * 1024);
  // The profile's page, on the actor's own host, as Mastodon keeps it; anything else is dropped.
  a.url = url_of(doc.value("url", json()));
  if (a.url && (!is_http_url(*a.url) || !same_host(*a.url, a.id))) a.url.reset();
  a.locked = doc.value("manuallyApprovesFollowers", json(false)) == json(true);
  a.bot = a.type == "Service" || a.type == "Application";
  a.discoverable = doc.value("discoverable", json(false)) == json(true);
  a.indexable = doc.value("indexable", json(false)) == json(true);
  if (doc.contains("endpoints") && doc["endpoints"].is_object()) {
    a.shared_inbox = optional_id(doc["endpoints"], "sharedInbox");
  }
  if (!a.shared_inbox) a.shared_inbox = optional_id(doc, "sharedInbox");
  a.outbox = optional_id(doc, "outbox");
  a.followers = optional_id(doc, "followers");
  a.following = optional_id(doc, "following");
  a.featured = optional_id(doc, "featured");
  a.public_key_pem = owned_key_pem(doc, a.id);
  read_property_fields(doc, a.fields);
  a.avatar_url = url_of(doc.value("icon", json()));
  if (a.avatar_url && !is_http_url(*a.avatar_url)) a.avatar_url.reset();
  a.header_url = url_of(doc.value("image", json()));
  if (a.header_url && !is_http_url(*a.header_url)) a.header_url.reset();
  a.moved_to = optional_id(doc, "movedTo");
  auto aliases = ids_of(doc.value("alsoKnownAs", json()));
  if (aliases.size() > 256) aliases.resize(256);
  a.also_known_as = std::move(aliases);
  std::vector<std::string_view> texts = {a.display_name, a.summary_html};
  for (const auto& [name, value] : a.fields) texts.insert(texts.end(), {name, value});
  a.emojis = read_emojis(doc, texts);
  return a;
}

std::optional<std::string> webfinger_actor_link(const json& jrd) {
  if (!jrd.is_object() || !jrd.contains("links") || !jrd["links"].is_array()) return std::nullopt;
  for (const auto& link : jrd["links"]) {
    // Compared as JSON values: value("rel", "") would throw on a number or an array.
    if (!link.is_object() || link.value("rel", json()) != "self" || !link.contains("href") ||
        !link["href"].is_string()) {
      continue;
    }
    const json type = link.value("type", json());
    if (type == "application/activity+json" ||
        type == "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"") {
      return link["href"].get<std::string>();
    }
  }
  return std::nullopt;
}

}  // namespace lox::activitypub
