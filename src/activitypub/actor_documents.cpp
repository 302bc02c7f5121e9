#include <loxodon/activitypub/actor_documents.hpp>
#include <loxodon/activitypub/emoji_documents.hpp>
#include <loxodon/activitypub/image_document.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/util/html.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>

namespace lox::activitypub {

using nlohmann::json;

namespace {

// The JSON-LD context of Mastodon's actors (the terms our documents use).
json actor_context() {
  return json::array({"https://www.w3.org/ns/activitystreams",
                      "https://w3id.org/security/v1",
                      {{"manuallyApprovesFollowers", "as:manuallyApprovesFollowers"},
                       {"toot", "http://joinmastodon.org/ns#"},
                       {"featured", {{"@id", "toot:featured"}, {"@type", "@id"}}},
                       {"featuredTags", {{"@id", "toot:featuredTags"}, {"@type", "@id"}}},
                       {"alsoKnownAs", {{"@id", "as:alsoKnownAs"}, {"@type", "@id"}}},
                       {"movedTo", {{"@id", "as:movedTo"}, {"@type", "@id"}}},
                       {"schema", "http://schema.org#"},
                       {"PropertyValue", "schema:PropertyValue"},
                       {"value", "schema:value"},
                       {"discoverable", "toot:discoverable"},
                       {"suspended", "toot:suspended"},
                       {"memorial", "toot:memorial"},
                       {"indexable", "toot:indexable"},
                       {"Hashtag", "as:Hashtag"},
                       {"Emoji", "toot:Emoji"},
                       {"focalPoint", {{"@container", "@list"}, {"@id", "toot:focalPoint"}}}}});
}

// The account's creation day at midnight UTC (Mastodon shows no more precision).
std::string published_day(std::chrono::system_clock::time_point t) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT00:00:00Z", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

json public_key(const std::string& actor, const std::string& pem) {
  return {{"id", actor + "#main-key"}, {"owner", actor}, {"publicKeyPem", pem}};
}

}  // namespace

bool accepts_activity_json(std::string_view accept) {
  std::string a = domain::lowercase(accept);
  return a.find("application/activity+json") != std::string::npos ||
         a.find("application/ld+json") != std::string::npos;
}

std::string instance_actor_username(const config::Config& config) {
  return config.domain.substr(0, config.domain.find(':'));
}

json person_document(const config::Config& config, const domain::Account& a,
                     const std::string& public_key_pem) {
  const std::string id = config.actor_url(a.username);
  const std::string base = config.base_url();
  json doc = {{"@context", actor_context()},
              {"id", id},
              {"type", a.bot ? "Service" : "Person"},
              {"following", id + "/following"},
              {"followers", id + "/followers"},
              {"inbox", id + "/inbox"},
              {"outbox", id + "/outbox"},
              {"featured", id + "/collections/featured"},
              {"featuredTags", id + "/collections/tags"},
              {"preferredUsername", a.username},
              {"url", config.profile_url(a.username)},
              {"manuallyApprovesFollowers", a.locked},
              {"published", published_day(a.created_at)},
              {"publicKey", public_key(id, public_key_pem)},
              {"endpoints", {{"sharedInbox", base + "/inbox"}}}};
  if (a.suspended_at) {
    // What Mastodon serves for a suspended account: who it was, nothing of what it said.
    doc["name"] = a.username;
    doc["summary"] = "";
    doc["suspended"] = true;
    doc["tag"] = json::array();
    doc["attachment"] = json::array();
    return doc;
  }
  doc["name"] = a.display_name;
  doc["summary"] = a.note_html;
  doc["discoverable"] = a.discoverable.value_or(false);
  doc["indexable"] = a.indexable;
  doc["memorial"] = false;
  doc["tag"] = json::array();
  // Our own emoji the name, bio or fields use.
  for (const auto& e : a.emojis) doc["tag"].push_back(emoji_tag(config, e));
  json fields = json::array();
  for (const auto& f : a.fields) {
    fields.push_back(
        {{"type", "PropertyValue"}, {"name", f.name}, {"value", html_escape(f.value)}});
  }
  for (auto& link : profile_payment_links(a.fields)) fields.push_back(std::move(link));
  doc["attachment"] = fields;
  if (a.avatar_key) doc["icon"] = image_document(config, *a.avatar_key);
  if (a.header_key) doc["image"] = image_document(config, *a.header_key);
  return doc;
}

json instance_actor_document(const config::Config& config, const std::string& public_key_pem) {
  const std::string base = config.base_url();
  const std::string id = base + "/actor";
  return {{"@context", actor_context()},
          {"id", id},
          {"type", "Application"},
          {"preferredUsername", instance_actor_username(config)},
          {"inbox", id + "/inbox"},
          {"outbox", id + "/outbox"},
          {"url", base + "/about/more?instance_actor=true"},
          {"manuallyApprovesFollowers", true},
          {"publicKey", public_key(id, public_key_pem)},
          {"endpoints", {{"sharedInbox", base + "/inbox"}}},
          {"attachment", payment_links(config)}};
}

json payment_links(const config::Config& config) {
  json links = json::array();
  for (const auto& entry : config.funding.payment_links) {
    std::string name, href = entry;
    if (auto eq = entry.find('='); eq != std::string::npos && !entry.starts_with("http")) {
      name = entry.substr(0, eq);
      href = entry.substr(eq + 1);
    }
    if (!href.starts_with("https://") && !href.starts_with("http://")) continue;
    json link = {{"type", "Link"}, {"href", href}, {"rel", "payment"}};
    if (!name.empty()) link["name"] = name;
    links.push_back(std::move(link));
  }
  return links;
}

namespace {

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

json profile_payment_links(const std::vector<domain::ProfileField>& fields) {
  // Words people use to name a way to pay them, and the hosts of platforms made for it.
  static constexpr std::array kNames = {"donat",  "tip",     "support",   "sponsor", "patreon",
                                        "ko-fi",  "kofi",    "liberapay", "paypal",  "collective",
                                        "coffee", "payment", "pay me"};
  static constexpr std::array kHosts = {"liberapay.com/",      "ko-fi.com/", "patreon.com/",
                                        "opencollective.com/", "paypal.me/", "buymeacoffee.com/",
                                        "github.com/sponsors/"};
  json links = json::array();
  for (const auto& f : fields) {
    std::string href = f.value;
    href.erase(0, href.find_first_not_of(" \t"));
    href.erase(href.find_last_not_of(" \t") + 1);
    if (!href.starts_with("https://") && !href.starts_with("http://")) continue;
    if (href.find_first_of(" \t\r\n\"<>") != std::string::npos) continue;
    std::string name = ascii_lower(f.name);
    std::string rest = ascii_lower(href.substr(href.find("://") + 3));
    if (rest.starts_with("www.")) rest = rest.substr(4);
    bool named = std::any_of(kNames.begin(), kNames.end(), [&](const char* word) {
      return name.find(word) != std::string::npos;
    });
    bool platform = std::any_of(kHosts.begin(), kHosts.end(),
                                [&](const char* host) { return rest.starts_with(host); });
    if (!named && !platform) continue;
    links.push_back({{"type", "Link"}, {"name", f.name}, {"href", href}, {"rel", "payment"}});
  }
  return links;
}

WebfingerTarget parse_webfinger_resource(const config::Config& config, std::string_view r) {
  const std::string domain = domain::lowercase(config.domain);
  const std::string base = config.base_url();
  std::string resource(r);
  if (resource.starts_with("acct:")) resource = resource.substr(5);
  if (resource.starts_with("http://") || resource.starts_with("https://")) {
    auto scheme_end = resource.find("://") + 3;
    auto path_start = resource.find('/', scheme_end);
    std::string host = domain::lowercase(resource.substr(
        scheme_end, path_start == std::string::npos ? std::string::npos : path_start - scheme_end));
    if (host != domain) return WebfingerForeign{};
    std::string path = path_start == std::string::npos ? "/" : resource.substr(path_start);
    if (path == "/" || path == "/actor") return WebfingerInstance{};
    for (std::string_view prefix : {"/users/", "/@"}) {
      if (path.starts_with(prefix)) {
        std::string name = path.substr(prefix.size());
        if (!name.empty() && name.find('/') == std::string::npos) return WebfingerUser{name};
      }
    }
    return WebfingerForeign{};
  }
  if (domain::lowercase(resource) == domain) return WebfingerInstance{};
  auto at = resource.rfind('@');
  if (at == std::string::npos || at == 0) return WebfingerForeign{};
  std::string user =
      resource.substr(resource.front() == '@' ? 1 : 0, at - (resource.front() == '@' ? 1 : 0));
  if (domain::lowercase(resource.substr(at + 1)) != domain || user.empty())
    return WebfingerForeign{};
  if (user == instance_actor_username(config)) return WebfingerInstance{};
  return WebfingerUser{user};
}

json webfinger_document(const config::Config& config, const domain::Account& a) {
  const std::string actor = config.actor_url(a.username);
  const std::string profile = config.profile_url(a.username);
  const std::string base = config.base_url();
  json links = json::array(
      {{{"rel", "http://webfinger.net/rel/profile-page"}, {"type", "text/html"}, {"href", profile}},
       {{"rel", "self"}, {"type", "application/activity+json"}, {"href", actor}},
       {{"rel", "http://ostatus.org/schema/1.0/subscribe"},
        {"template", base + "/authorize_interaction?uri={uri}"}}});
  if (a.avatar_key) {
    auto avatar = image_document(config, *a.avatar_key);
    links.push_back({{"rel", "http://webfinger.net/rel/avatar"},
                     {"type", avatar["mediaType"]},
                     {"href", avatar["url"]}});
  }
  return {{"subject", "acct:" + a.username + "@" + config.domain},
          {"aliases", json::array({profile, actor})},
          {"links", links}};
}

json instance_webfinger_document(const config::Config& config) {
  const std::string base = config.base_url();
  return {
      {"subject", "acct:" + instance_actor_username(config) + "@" + config.domain},
      {"aliases", json::array({base + "/actor"})},
      {"links",
       json::array(
           {{{"rel", "http://webfinger.net/rel/profile-page"},
             {"type", "text/html"},
             {"href", base + "/about/more?instance_actor=true"}},
            {{"rel", "self"}, {"type", "application/activity+json"}, {"href", base + "/actor"}}})}};
}

json update_person_activity(const config::Config& config, const domain::Account& account,
                            const std::string& public_key_pem) {
  json person = person_document(config, account, public_key_pem);
  json context = person["@context"];
  person.erase("@context");
  const std::string actor = config.actor_url(account.username);
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  return {{"@context", context},
          {"id", actor + "#updates/" + std::to_string(now)},
          {"type", "Update"},
          {"actor", actor},
          {"to", json::array({"https://www.w3.org/ns/activitystreams#Public"})},
          {"object", person}};
}

json follow_answer_activity(const std::string& actor, const std::string& kind, std::int64_t row,
                            json follow) {
  follow.erase("@context");
  return {{"@context", "https://www.w3.org/ns/activitystreams"},
          {"id", actor + "#" + kind + "s/follows/" + std::to_string(row)},
          {"type", kind},
          {"actor", actor},
          {"object", std::move(follow)}};
}

json delete_actor_activity(const config::Config& config, const domain::Account& account) {
  const std::string actor = config.actor_url(account.username);
  return {{"@context", "https://www.w3.org/ns/activitystreams"},
          {"id", actor + "#delete"},
          {"type", "Delete"},
          {"actor", actor},
          {"to", json::array({"https://www.w3.org/ns/activitystreams#Public"})},
          {"object", actor}};
}

}  // namespace lox::activitypub
