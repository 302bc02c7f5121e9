#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/services/actor_service.hpp>
#include <loxodon/services/instance_secrets.hpp>

namespace lox::api::activitypub {

// How other servers find and read our people: WebFinger (acct:, bare handles, actor and profile
// URLs, the domain for the instance actor), actor documents at /users/:username and the
// instance actor at /actor (ActivityPub JSON when asked for, otherwise a redirect to the page),
// public statuses at their ids (Note, and Create at .../activity), the outbox (newest public
// posts, paged) and follower/following counts.
class ActorApi {
 public:
  ActorApi(const config::Config& config, services::ActorService& actors,
           const services::InstanceSecrets& secrets);
  void add_routes(http::Router& router);

 private:
  awaitable<http::Response> webfinger(http::Request& request);
  awaitable<http::Response> person(http::Request& request);
  awaitable<http::Response> instance_actor(http::Request& request);
  awaitable<http::Response> status(http::Request& request, bool activity);
  awaitable<http::Response> outbox(http::Request& request);
  awaitable<http::Response> collection(http::Request& request, bool followers);

  const config::Config& config_;
  services::ActorService& actors_;
  const services::InstanceSecrets& secrets_;
};

}  // namespace lox::api::activitypub
