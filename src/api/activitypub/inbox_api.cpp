#include <loxodon/api/activitypub/inbox_api.hpp>
#include <loxodon/util/error.hpp>

namespace lox::api::activitypub {

InboxApi::InboxApi(const config::Config& config, services::InboxService& inbox,
                   services::ActorService& actors)
    : config_(config), inbox_(inbox), actors_(actors) {}

void InboxApi::add_routes(http::Router& router) {
  http::RouteOptions options;
  options.max_body_bytes = kMaxBody;
  router.add(
      "POST", "/inbox", [this](http::Request& r) { return receive(r, false); }, options);
  router.add(
      "POST", "/users/:username/inbox", [this](http::Request& r) { return receive(r, true); },
      options);
}

awaitable<http::Response> InboxApi::receive(http::Request& request, bool personal) {
  std::optional<std::string> recipient;
  if (personal) {
    std::string username(request.path_param("username").value_or(""));
    auto actor = co_await actors_.local(username);
    if (!actor) throw Error(ErrorCode::kNotFound, "Record not found");
    recipient = actor->account.username;
  }
  lox::activitypub::SignedRequest signed_request;
  signed_request.method = request.method;
  signed_request.target = request.target;
  // The URI the sender signed is our public one (TLS may end at a proxy in front).
  signed_request.scheme = config_.scheme;
  // ...and our own authority, whatever Host this request carries.
  signed_request.our_authority = config_.domain;
  signed_request.headers = request.headers;
  signed_request.body = request.body;
  try {
    co_await inbox_.receive(std::move(signed_request), recipient);
  } catch (const lox::activitypub::SignatureError& e) {
    throw Error(ErrorCode::kUnauthorized, e.what());
  }
  http::Response res;
  res.status = 202;
  co_return res;
}

}  // namespace lox::api::activitypub
