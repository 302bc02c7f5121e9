#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/http/rate_limit_headers.hpp>
#include <loxodon/http/request.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/ip_network.hpp>

#include <algorithm>

namespace lox::api::mastodon {

namespace {

void add_rate_headers(http::Response& res, const domain::RateLimitDecision& d) {
  res.set_header("X-RateLimit-Limit", std::to_string(d.limit));
  res.set_header("X-RateLimit-Remaining", std::to_string(d.remaining));
  res.set_header("X-RateLimit-Reset", http::rate_limit_reset_header(d.reset));
}

}  // namespace

std::string bearer_token(const http::Request& request) {
  if (auto auth = request.header("Authorization")) {
    std::string_view v = *auth;
    if (v.size() > 7 && http::iequals(v.substr(0, 7), "Bearer ")) {
      v.remove_prefix(7);
      while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
      return std::string(v);
    }
  }
  if (auto q = request.query_param("access_token")) return std::string(*q);
  return "";
}

Endpoints::Endpoints(http::Router& router, services::AuthService& auth,
                     const config::Config& config, domain::RateLimiter& limiter,
                     services::ReadYourWrites& recent_writes)
    : router_(router),
      auth_(auth),
      config_(config),
      limiter_(limiter),
      recent_writes_(recent_writes),
      logged_out_pages_(std::chrono::seconds(1)) {}

void Endpoints::add(EndpointSpec spec, EndpointHandler handler, http::RouteOptions options,
                    std::source_location where) {
  table_.push_back(spec);
  if (spec.access != Access::kPublic) {
    // Only a valid token makes the server read a large body (uploads of up to a gigabyte).
    options.before_large_body = [this, spec](http::Request& request) -> awaitable<void> {
      co_await authorize(spec, request);
    };
  }
  router_.add(
      spec.method, spec.path,
      [this, spec, handler = std::move(handler)](http::Request& request) {
        return handle(spec, handler, request);
      },
      options, where);
}

awaitable<std::optional<services::Caller>> Endpoints::authorize(const EndpointSpec& spec,
                                                                const http::Request& request) {
  std::optional<services::Caller> caller;
  std::string token = bearer_token(request);
  if (!token.empty()) {
    caller = co_await auth_.authenticate(token);
    // A bad token is refused even where none is needed: apps rely on this 401 to log out.
    if (!caller) throw Error(ErrorCode::kUnauthorized, "The access token is invalid");
  }
  if (spec.access != Access::kPublic && !caller) {
    throw Error(ErrorCode::kUnauthorized, "The access token is invalid");
  }
  if (spec.access == Access::kUser) {
    if (!caller->user) {
      throw Error(ErrorCode::kUnprocessable, "This method requires an authenticated user");
    }
    if (auto reason = services::login_blocked_reason(*caller->user)) {
      throw Error(ErrorCode::kForbidden, *reason);
    }
  }
  if (caller && !spec.scopes.empty() &&
      std::none_of(spec.scopes.begin(), spec.scopes.end(),
                   [&](const std::string& s) { return caller->scopes.allows(s); })) {
    throw Error(ErrorCode::kForbidden, "This action is outside the authorized scopes");
  }
  co_return caller;
}

awaitable<http::Response> Endpoints::handle(const EndpointSpec& spec,
                                            const EndpointHandler& handler,
                                            http::Request& request) {
  std::optional<services::Caller> caller = co_await authorize(spec, request);

  std::optional<domain::RateLimitDecision> decision;
  const auto& limits = config_.rate_limits;
  if (limits.enabled && !(limits.exempt_loopback && is_loopback_address(request.remote_address))) {
    std::string key = caller && caller->user ? "account:" + std::to_string(caller->user->account.id)
                                             : "ip:" + throttle_key(request.remote_address);
    decision = limiter_.hit(key);
    if (!decision->allowed) {
      http::Response res = http::Response::error(429, "Too many requests");
      add_rate_headers(res, *decision);
      co_return res;
    }
  }

  const bool cacheable = spec.cache_logged_out && !(caller && caller->user);
  if (cacheable) {
    if (auto hit = logged_out_pages_.get(request.target)) {
      if (decision) add_rate_headers(*hit, *decision);
      co_return std::move(*hit);
    }
  }
  // Noted before the handler runs, so that its own reads after its write see that write too.
  if (caller && caller->user && request.method != "GET" && request.method != "HEAD") {
    recent_writes_.wrote(caller->user->account.id);
  }
  Call call{request, http::Params::from_request(request), std::move(caller)};
  http::Response res = co_await handler(call);
  if (cacheable) logged_out_pages_.put(request.target, res);
  if (decision) add_rate_headers(res, *decision);
  co_return res;
}

}  // namespace lox::api::mastodon
