#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/http/params.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/services/accounts/account_service.hpp>
#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/services/instance/instance_secrets.hpp>
#include <loxodon/services/instance/instance_service.hpp>
#include <loxodon/web/page_viewer.hpp>

#include <optional>
#include <string>

namespace lox::web {

// The HTML side of accounts: sign in and out, sign up (rules shown and accepted, invite links),
// e-mail confirmation, password reset, the OAuth consent page, and settings (password, e-mail,
// authorized apps, account deletion). Every form carries a CSRF token bound to a cookie; the
// session cookie is HttpOnly, SameSite=Lax, and Secure under https.
class AuthPages {
 public:
  AuthPages(const config::Config& config, services::AuthService& auth,
            services::AccountService& accounts, services::InstanceService& instance,
            const services::InstanceSecrets& secrets);
  void add_routes(http::Router& router);

  // Cookie names; under https they carry the __Host- prefix.
  static constexpr const char* kSessionCookie = PageViewer::kSessionCookie;
  static constexpr const char* kCsrfCookie = "loxodon_csrf";

 private:
  struct Form;  // parsed POST body with a verified CSRF token

  awaitable<http::Response> sign_in_form(http::Request& req);
  awaitable<http::Response> sign_in(http::Request& req);
  awaitable<http::Response> sign_out(http::Request& req);
  awaitable<http::Response> sign_up_form(http::Request& req);
  awaitable<http::Response> sign_up(http::Request& req);
  awaitable<http::Response> confirm(http::Request& req);
  awaitable<http::Response> password_new(http::Request& req);
  awaitable<http::Response> password_request(http::Request& req);
  awaitable<http::Response> password_edit(http::Request& req);
  awaitable<http::Response> password_update(http::Request& req);
  awaitable<http::Response> authorize_form(http::Request& req);
  awaitable<http::Response> authorize(http::Request& req);
  awaitable<http::Response> settings(http::Request& req);
  awaitable<http::Response> settings_page(http::Request& req, std::string settings_error);
  awaitable<http::Response> settings_password(http::Request& req);
  awaitable<http::Response> settings_email(http::Request& req);
  awaitable<http::Response> settings_revoke(http::Request& req);
  awaitable<http::Response> settings_delete(http::Request& req);

  // The CSRF value for forms on this response; sets the cookie when the browser has none.
  std::string csrf_token(const http::Request& req, http::Response& res) const;
  // Parses the form and checks its token; throws lox::Error(422) when it does not match.
  http::Params verified_form(const http::Request& req) const;
  awaitable<std::optional<domain::UserWithAccount>> current_user(const http::Request& req);
  std::string session_cookie(const std::string& value, bool expire = false) const;
  std::string cookie_name(const char* base) const;
  std::string session_value(const http::Request& req) const;
  std::string expected_csrf(const std::string& seed, const http::Request& req) const;
  http::Response page(unsigned status, const std::string& title, const std::string& body) const;
  // Renders with the CSRF token placed wherever "<csrf/>" appears in the body.
  http::Response form_page(const http::Request& req, unsigned status, const std::string& title,
                           const std::string& body);
  std::string sign_up_body(const services::InstanceSnapshot& snapshot, const http::Params& values,
                           const std::string& invite, const std::string& error);

  const config::Config& config_;
  services::AuthService& auth_;
  services::AccountService& accounts_;
  services::InstanceService& instance_;
  const services::InstanceSecrets& secrets_;
  PageViewer viewer_;
};

}  // namespace lox::web
