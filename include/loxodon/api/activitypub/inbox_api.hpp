#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/services/federation/actor_service.hpp>
#include <loxodon/services/federation/inbox_service.hpp>

namespace lox::api::activitypub {

// POST /inbox (shared) and /users/:username/inbox: at most 1 MiB, answered 202 once the
// signature held and the activity is queued, 401 (with the reason) when it did not.
class InboxApi {
 public:
  static constexpr std::size_t kMaxBody = 1024 * 1024;

  InboxApi(const config::Config& config, services::InboxService& inbox,
           services::ActorService& actors);
  void add_routes(http::Router& router);

 private:
  awaitable<http::Response> receive(http::Request& request, bool personal);

  const config::Config& config_;
  services::InboxService& inbox_;
  services::ActorService& actors_;
};

}  // namespace lox::api::activitypub
