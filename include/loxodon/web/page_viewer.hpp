#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/http/request.hpp>
#include <loxodon/services/accounts/auth_service.hpp>

#include <optional>
#include <string>

namespace lox::web {

// Who is looking at a server-rendered page: the signed-in user of the browser session cookie,
// if any and still usable. Pages use it for what a person is owed (an ad-free membership hides
// placements), never to record who saw what.
class PageViewer {
 public:
  PageViewer(const config::Config& config, services::AuthService& auth);

  awaitable<std::optional<domain::UserWithAccount>> current_user(const http::Request& req) const;
  // The cookie's name: under https it carries the __Host- prefix, so browsers refuse it from
  // any other origin (a sibling subdomain cannot plant one).
  std::string cookie_name(const char* base) const;

  static constexpr const char* kSessionCookie = "loxodon_session";

 private:
  const config::Config& config_;
  services::AuthService& auth_;
};

}  // namespace lox::web
