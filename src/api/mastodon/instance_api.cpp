#include "api/mastodon/instance_serializer.hpp"

#include <loxodon/api/mastodon/instance_api.hpp>
#include <loxodon/util/error.hpp>

namespace lox::api::mastodon {

InstanceApi::InstanceApi(const config::Config& config, services::InstanceService& instance,
                         const services::InstanceSecrets& secrets)
    : config_(config), instance_(instance), secrets_(secrets) {}

void InstanceApi::add_routes(http::Router& router) {
  router.add("GET", "/api/v1/instance", [this](http::Request& r) { return v1(r); });
  router.add("GET", "/api/v2/instance", [this](http::Request& r) { return v2(r); });
  router.add("GET", "/api/v1/instance/rules", [this](http::Request& r) { return rules(r); });
  // Launch-time companions that must answer with valid empty data rather than 404.
  router.add("GET", "/api/v1/instance/peers", [this](http::Request&) -> awaitable<http::Response> {
    co_return http::Response::json(200, nlohmann::json(co_await instance_.peers()));
  });
  router.add("GET", "/api/v1/instance/translation_languages",
             [](http::Request&) -> awaitable<http::Response> {
               co_return http::Response::json_text(200, "{}");
             });
}

awaitable<http::Response> InstanceApi::v1(http::Request&) {
  auto snapshot = co_await instance_.snapshot();
  if (auto text = reuse(v1_, snapshot, "")) co_return http::Response::json_text(200, *text);
  std::string text = instance_v1_json(config_, *snapshot).dump();
  keep(v1_, snapshot, "", text);
  co_return http::Response::json_text(200, text);
}

awaitable<http::Response> InstanceApi::v2(http::Request&) {
  // The VAPID key comes from the database once it first answers; until then there is no
  // truthful v2 document to give.
  if (secrets_.vapid_public_key.empty()) {
    throw Error(ErrorCode::kServiceUnavailable, "Starting up: database not reachable yet");
  }
  auto snapshot = co_await instance_.snapshot();
  const std::string& vapid = secrets_.vapid_public_key;
  if (auto text = reuse(v2_, snapshot, vapid)) co_return http::Response::json_text(200, *text);
  std::string text = instance_v2_json(config_, *snapshot, secrets_).dump();
  keep(v2_, snapshot, vapid, text);
  co_return http::Response::json_text(200, text);
}

std::optional<std::string> InstanceApi::reuse(const Rendered& r, const Snapshot& from,
                                              const std::string& vapid_key) {
  std::lock_guard lock(rendered_mutex_);
  if (r.from != from || r.vapid_key != vapid_key) return std::nullopt;
  return r.text;
}

void InstanceApi::keep(Rendered& r, const Snapshot& from, const std::string& vapid_key,
                       const std::string& text) {
  std::lock_guard lock(rendered_mutex_);
  r.from = from;
  r.vapid_key = vapid_key;
  r.text = text;
}

awaitable<http::Response> InstanceApi::rules(http::Request&) {
  auto snapshot = co_await instance_.snapshot();
  co_return http::Response::json(200, rules_json(*snapshot));
}

}  // namespace lox::api::mastodon
