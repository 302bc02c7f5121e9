#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/rate_limiter.hpp>
#include <loxodon/http/params.hpp>
#include <loxodon/http/response_cache.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/services/instance/read_your_writes.hpp>

#include <functional>
#include <optional>
#include <source_location>
#include <string>
#include <vector>

namespace lox::api::mastodon {

// Who may call an endpoint.
enum class Access {
  kPublic,  // anyone; a token, if sent, must still be valid
  kApp,     // any valid token, app (client_credentials) or user
  kUser,    // a token belonging to a signed-in, usable account
};

// One row of an API module's route table: method, path, who may call it and which scopes
// (any one of them) the token needs. The table is the single place scopes are declared.
struct EndpointSpec {
  std::string method;
  std::string path;
  Access access = Access::kPublic;
  std::vector<std::string> scopes;
  // Logged-out answers are served from the one-second page cache (public timelines: such
  // pages carry nothing viewer-specific). Signed-in calls always reach the handler.
  bool cache_logged_out = false;
};

struct Call {
  http::Request& request;
  http::Params params;
  std::optional<services::Caller> caller;

  // The signed-in user (Access::kUser endpoints only).
  const domain::UserWithAccount& user() const { return *caller->user; }
};

using EndpointHandler = std::function<awaitable<http::Response>(Call&)>;

// Registers Mastodon API endpoints with authentication, scope checks and rate limiting applied
// the same way for all of them, and remembers the table for tests and documentation. `limiter`
// (rate_limits) is shared with the other processes by services::SharedRateLimits. A member's
// request that may write (any method but GET and HEAD) is noted in `recent_writes`, so that
// their reads skip the replica for a while.
class Endpoints {
 public:
  Endpoints(http::Router& router, services::AuthService& auth, const config::Config& config,
            domain::RateLimiter& limiter, services::ReadYourWrites& recent_writes);

  void add(EndpointSpec spec, EndpointHandler handler, http::RouteOptions options = {},
           std::source_location where = std::source_location::current());
  const std::vector<EndpointSpec>& table() const { return table_; }

 private:
  // The caller a request's token names, checked against the endpoint's access and scopes
  // (throws lox::Error). Also run on the head alone before a large body is read.
  awaitable<std::optional<services::Caller>> authorize(const EndpointSpec& spec,
                                                       const http::Request& request);
  awaitable<http::Response> handle(const EndpointSpec& spec, const EndpointHandler& handler,
                                   http::Request& request);

  http::Router& router_;
  services::AuthService& auth_;
  const config::Config& config_;
  domain::RateLimiter& limiter_;
  services::ReadYourWrites& recent_writes_;
  http::ResponseCache logged_out_pages_;
  std::vector<EndpointSpec> table_;
};

// The bearer token of a request: Authorization header, else an access_token parameter.
std::string bearer_token(const http::Request& request);

}  // namespace lox::api::mastodon
