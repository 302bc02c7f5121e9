#include <loxodon/activitypub/actor_documents.hpp>
#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/api/activitypub/actor_api.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/util/error.hpp>

#include <charconv>
#include <limits>

namespace lox::api::activitypub {

namespace ap = lox::activitypub;
using nlohmann::json;

namespace {

http::Response document(unsigned status, const json& body, const char* content_type,
                        const char* cache) {
  http::Response res = http::Response::json(status, body);
  res.set_header("Content-Type", content_type);
  res.set_header("Cache-Control", cache);
  res.set_header("Vary", "Accept");
  return res;
}

http::Response redirect(const std::string& location) {
  http::Response res;
  res.status = 302;
  res.set_header("Location", location);
  res.set_header("Vary", "Accept");
  return res;
}

bool wants_json(const http::Request& request) {
  auto accept = request.header("Accept");
  return accept && ap::accepts_activity_json(*accept);
}

}  // namespace

ActorApi::ActorApi(const config::Config& config, services::ActorService& actors,
                   const services::InstanceSecrets& secrets)
    : config_(config), actors_(actors), secrets_(secrets) {}

void ActorApi::add_routes(http::Router& router) {
  router.add("GET", "/.well-known/webfinger", [this](http::Request& r) { return webfinger(r); });
  router.add("GET", "/users/:username", [this](http::Request& r) { return person(r); });
  router.add("GET", "/actor", [this](http::Request& r) { return instance_actor(r); });
  router.add("GET", "/users/:username/statuses/:id",
             [this](http::Request& r) { return status(r, false); });
  router.add("GET", "/users/:username/statuses/:id/activity",
             [this](http::Request& r) { return status(r, true); });
  // Profile and status page URLs (/@alice, /@alice/123) answer with the same documents when
  // ActivityPub is asked for, as Mastodon's do: people paste them into search elsewhere.
  router.add("GET", "/:handle", [this](http::Request& r) { return page_alias(r, false); });
  router.add("GET", "/:handle/:id", [this](http::Request& r) { return page_alias(r, true); });
  router.add("GET", "/users/:username/outbox", [this](http::Request& r) { return outbox(r); });
  router.add("GET", "/users/:username/collections/featured",
             [this](http::Request& r) { return featured(r); });
  router.add("GET", "/users/:username/collections/tags",
             [this](http::Request& r) { return featured_tags(r); });
  router.add("GET", "/users/:username/followers",
             [this](http::Request& r) { return collection(r, true); });
  router.add("GET", "/users/:username/following",
             [this](http::Request& r) { return collection(r, false); });
}

awaitable<http::Response> ActorApi::webfinger(http::Request& request) {
  static constexpr const char* kJrd = "application/jrd+json; charset=utf-8";
  static constexpr const char* kCache = "max-age=259200, public";
  auto resource = request.query_param("resource");
  if (!resource || resource->empty()) {
    throw Error(ErrorCode::kBadRequest, "The resource parameter is required");
  }
  auto target = ap::parse_webfinger_resource(config_, *resource);
  if (std::holds_alternative<ap::WebfingerInstance>(target)) {
    co_return document(200, ap::instance_webfinger_document(config_), kJrd, kCache);
  }
  const auto* user = std::get_if<ap::WebfingerUser>(&target);
  if (user == nullptr) throw Error(ErrorCode::kNotFound, "Record not found");
  const std::string key = "webfinger:" + domain::lowercase(user->username);
  if (auto cached = documents_.get(key)) co_return std::move(*cached);
  auto actor = co_await actors_.local(user->username);
  if (!actor) throw Error(ErrorCode::kNotFound, "Record not found");
  // Mastodon: a suspended account is gone (410), so other servers stop asking.
  if (actor->account.suspended_at) throw Error(ErrorCode::kGone, "Account suspended");
  auto response = document(200, ap::webfinger_document(config_, actor->account), kJrd, kCache);
  documents_.put(key, response);
  co_return response;
}

awaitable<http::Response> ActorApi::person(http::Request& request) {
  std::string username(request.path_param("username").value_or(""));
  if (!wants_json(request)) co_return redirect(config_.profile_url(username));
  const std::string key = "actor:" + domain::lowercase(username);
  if (auto cached = documents_.get(key)) co_return std::move(*cached);
  auto actor = co_await actors_.local(username);
  if (!actor) throw Error(ErrorCode::kNotFound, "Record not found");
  auto response = document(200, ap::person_document(config_, actor->account, actor->public_key_pem),
                           ap::kActivityJson, "max-age=180, public");
  documents_.put(key, response);
  co_return response;
}

awaitable<http::Response> ActorApi::instance_actor(http::Request& request) {
  if (!wants_json(request))
    co_return redirect(config_.base_url() + "/about/more?instance_actor=true");
  // Served without a signature, always: it is the key other servers check our fetches with.
  co_return document(200, ap::instance_actor_document(config_, secrets_.actor_public_key_pem),
                     ap::kActivityJson, "max-age=180, public");
}

namespace {

std::int64_t number(std::string_view text) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return ec == std::errc() && end == text.data() + text.size() ? v : 0;
}

}  // namespace

awaitable<http::Response> ActorApi::status(http::Request& request, bool activity) {
  std::string username(request.path_param("username").value_or(""));
  std::int64_t id = number(request.path_param("id").value_or(""));
  if (!wants_json(request)) {
    co_return redirect(config_.profile_url(username) + "/" + std::to_string(id));
  }
  auto view = co_await actors_.public_status(username, id);
  auto actor = co_await actors_.local(username);
  if (!view || !actor) throw Error(ErrorCode::kNotFound, "Record not found");
  services::StatusPage one;
  one.statuses.push_back(std::move(*view));
  auto docs = co_await actors_.activities(actor->account, one);
  if (docs.empty()) throw Error(ErrorCode::kNotFound, "Record not found");
  json create = std::move(docs.front());
  json doc = activity ? create : create["object"];
  if (!activity) doc["@context"] = create["@context"];
  co_return document(200, doc, ap::kActivityJson, "max-age=180, public");
}

awaitable<http::Response> ActorApi::page_alias(http::Request& request, bool status_page) {
  std::string handle(request.path_param("handle").value_or(""));
  if (handle.size() < 2 || handle[0] != '@') throw Error(ErrorCode::kNotFound, "Record not found");
  if (!wants_json(request)) {
    if (!html_pages_) throw Error(ErrorCode::kNotFound, "Record not found");
    co_return co_await html_pages_(request, status_page);
  }
  request.path_params.emplace_back("username", handle.substr(1));
  if (status_page) co_return co_await status(request, false);
  co_return co_await person(request);
}

awaitable<http::Response> ActorApi::outbox(http::Request& request) {
  std::string username(request.path_param("username").value_or(""));
  auto actor = co_await actors_.local(username);
  if (!actor || actor->account.suspended_at) throw Error(ErrorCode::kNotFound, "Record not found");
  const std::string id = config_.actor_url(actor->account.username) + "/outbox";
  const auto page_param = request.query_param("page");
  if (!page_param || *page_param != "true") {
    json doc = {{"@context", "https://www.w3.org/ns/activitystreams"},
                {"id", id},
                {"type", "OrderedCollection"},
                {"totalItems", actor->account.statuses_count},
                {"first", id + "?page=true"},
                {"last", id + "?min_id=0&page=true"}};
    co_return document(200, doc, ap::kActivityJson, "max-age=180, public");
  }
  std::int64_t max_id = std::numeric_limits<std::int64_t>::max();
  if (auto m = request.query_param("max_id")) {
    if (auto n = number(*m); n > 0) max_id = n;
  }
  auto page = co_await actors_.outbox_page(actor->account.id, max_id);
  json items = json::array();
  auto activities = co_await actors_.activities(actor->account, page);
  for (auto& activity : activities) {
    activity.erase("@context");
    items.push_back(std::move(activity));
  }
  json doc = {{"@context", "https://www.w3.org/ns/activitystreams"},
              {"id", id + "?page=true" +
                         (max_id == std::numeric_limits<std::int64_t>::max()
                              ? std::string()
                              : "&max_id=" + std::to_string(max_id))},
              {"type", "OrderedCollectionPage"},
              {"partOf", id},
              {"orderedItems", items}};
  if (!page.statuses.empty()) {
    doc["next"] = id + "?max_id=" + std::to_string(page.statuses.back().status.id) + "&page=true";
  }
  co_return document(200, doc, ap::kActivityJson, "max-age=180, public");
}

awaitable<http::Response> ActorApi::featured(http::Request& request) {
  std::string username(request.path_param("username").value_or(""));
  auto actor = co_await actors_.local(username);
  if (!actor || actor->account.suspended_at) throw Error(ErrorCode::kNotFound, "Record not found");
  auto page = co_await actors_.featured(actor->account.id);
  json items = json::array();
  auto creates = co_await actors_.activities(actor->account, page);
  for (auto& create : creates) {
    json note = std::move(create["object"]);
    note.erase("@context");
    items.push_back(std::move(note));
  }
  json doc = {{"@context", "https://www.w3.org/ns/activitystreams"},
              {"id", config_.actor_url(actor->account.username) + "/collections/featured"},
              {"type", "OrderedCollection"},
              {"totalItems", items.size()},
              {"orderedItems", items}};
  co_return document(200, doc, ap::kActivityJson, "max-age=180, public");
}

awaitable<http::Response> ActorApi::featured_tags(http::Request& request) {
  std::string username(request.path_param("username").value_or(""));
  auto actor = co_await actors_.local(username);
  if (!actor || actor->account.suspended_at) throw Error(ErrorCode::kNotFound, "Record not found");
  json items = json::array();
  for (const auto& name : co_await actors_.featured_tags(actor->account.id)) {
    items.push_back({{"type", "Hashtag"},
                     {"href", config_.profile_url(actor->account.username) + "/tagged/" + name},
                     {"name", "#" + name}});
  }
  json doc = {{"@context", "https://www.w3.org/ns/activitystreams"},
              {"id", config_.actor_url(actor->account.username) + "/collections/tags"},
              {"type", "Collection"},
              {"totalItems", items.size()},
              {"items", items}};
  co_return document(200, doc, ap::kActivityJson, "max-age=180, public");
}

awaitable<http::Response> ActorApi::collection(http::Request& request, bool followers) {
  std::string username(request.path_param("username").value_or(""));
  auto actor = co_await actors_.local(username);
  if (!actor || actor->account.suspended_at) throw Error(ErrorCode::kNotFound, "Record not found");
  const std::string id =
      config_.actor_url(actor->account.username) + (followers ? "/followers" : "/following");
  json doc = {{"@context", "https://www.w3.org/ns/activitystreams"},
              {"id", id},
              {"type", "OrderedCollection"}};
  // Someone who hides their counts publishes neither the count nor the members (who could be
  // counted); someone who hides their network shows the count only (Mastodon then treats it as
  // private).
  if (actor->account.hide_counts) {
    co_return document(200, doc, ap::kActivityJson, "max-age=180, public");
  }
  doc["totalItems"] = followers ? actor->account.followers_count : actor->account.following_count;
  if (actor->account.hide_collections) {
    co_return document(200, doc, ap::kActivityJson, "max-age=180, public");
  }
  auto page_param = request.query_param("page");
  if (!page_param) {
    doc["first"] = id + "?page=1";
    co_return document(200, doc, ap::kActivityJson, "max-age=180, public");
  }
  std::int64_t max_cursor = std::numeric_limits<std::int64_t>::max();
  if (auto m = request.query_param("max_id")) {
    if (auto n = number(*m); n > 0) max_cursor = n;
  }
  auto rows = co_await actors_.relation_page(actor->account.id, followers, max_cursor);
  json items = json::array();
  for (const auto& row : rows) items.push_back(row.second);
  json page = {{"@context", "https://www.w3.org/ns/activitystreams"},
               {"id", id + "?page=1" +
                          (max_cursor == std::numeric_limits<std::int64_t>::max()
                               ? std::string()
                               : "&max_id=" + std::to_string(max_cursor))},
               {"type", "OrderedCollectionPage"},
               {"totalItems", doc["totalItems"]},
               {"partOf", id},
               {"orderedItems", items}};
  if (rows.size() == 40) {
    page["next"] = id + "?page=1&max_id=" + std::to_string(rows.back().first);
  }
  co_return document(200, page, ap::kActivityJson, "max-age=180, public");
}

}  // namespace lox::api::activitypub
