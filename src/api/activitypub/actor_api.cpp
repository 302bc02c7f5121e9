#include <loxodon/activitypub/actor_documents.hpp>
#include <loxodon/api/activitypub/actor_api.hpp>
#include <loxodon/util/error.hpp>

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
  auto actor = co_await actors_.local(user->username);
  if (!actor) throw Error(ErrorCode::kNotFound, "Record not found");
  // Mastodon: a suspended account is gone (410), so other servers stop asking.
  if (actor->account.suspended_at) throw Error(ErrorCode::kGone, "Account suspended");
  co_return document(200, ap::webfinger_document(config_, actor->account), kJrd, kCache);
}

awaitable<http::Response> ActorApi::person(http::Request& request) {
  std::string username(request.path_param("username").value_or(""));
  if (!wants_json(request)) co_return redirect(config_.profile_url(username));
  auto actor = co_await actors_.local(username);
  if (!actor) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return document(200, ap::person_document(config_, actor->account, actor->public_key_pem),
                     ap::kActivityJson, "max-age=180, public");
}

awaitable<http::Response> ActorApi::instance_actor(http::Request& request) {
  if (!wants_json(request))
    co_return redirect(config_.base_url() + "/about/more?instance_actor=true");
  // Served without a signature, always: it is the key other servers check our fetches with.
  co_return document(200, ap::instance_actor_document(config_, secrets_.actor_public_key_pem),
                     ap::kActivityJson, "max-age=180, public");
}

}  // namespace lox::api::activitypub
