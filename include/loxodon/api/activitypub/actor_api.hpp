#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/http/response_cache.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/services/federation/actor_service.hpp>
#include <loxodon/services/instance/instance_secrets.hpp>

#include <functional>

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
  // Who answers /@username and /@username/:id for browsers (the HTML pages; `true` for a
  // post's page). Without one they are 404, as before there were pages.
  using HtmlPages = std::function<awaitable<http::Response>(http::Request&, bool)>;
  void set_html_pages(HtmlPages pages) { html_pages_ = std::move(pages); }

 private:
  awaitable<http::Response> webfinger(http::Request& request);
  awaitable<http::Response> person(http::Request& request);
  awaitable<http::Response> instance_actor(http::Request& request);
  awaitable<http::Response> status(http::Request& request, bool activity);
  awaitable<http::Response> outbox(http::Request& request);
  awaitable<http::Response> page_alias(http::Request& request, bool status_page);
  awaitable<http::Response> featured(http::Request& request);
  awaitable<http::Response> featured_tags(http::Request& request);
  awaitable<http::Response> collection(http::Request& request, bool followers);

  const config::Config& config_;
  services::ActorService& actors_;
  const services::InstanceSecrets& secrets_;
  // Actor documents and WebFinger answers are the same for every requester and asked for
  // often (each remote server that sees a post may look the author up): rendered once per
  // account every few seconds. A profile change shows up that much later, well within the
  // 3 minutes other servers cache them for.
  http::ResponseCache documents_{std::chrono::seconds(5), 4096};
  HtmlPages html_pages_;
};

}  // namespace lox::api::activitypub
