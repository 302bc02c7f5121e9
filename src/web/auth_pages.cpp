#include "web/auth_forms.hpp"
#include "web/html.hpp"

#include <loxodon/domain/oauth_paths.hpp>
#include <loxodon/http/request.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/web/auth_pages.hpp>

namespace lox::web {

std::string text_field(const std::string& name, const std::string& label, const std::string& type,
                       const std::string& value, const std::string& autocomplete) {
  return "<label for=\"" + name + "\">" + html_escape(label) + "</label><input type=\"" + type +
         "\" id=\"" + name + "\" name=\"" + name + "\" value=\"" + html_escape(value) +
         "\" autocomplete=\"" + autocomplete + "\">";
}

AuthPages::AuthPages(const config::Config& config, services::AuthService& auth,
                     services::AccountService& accounts, services::InstanceService& instance,
                     const services::InstanceSecrets& secrets)
    : config_(config),
      auth_(auth),
      accounts_(accounts),
      instance_(instance),
      secrets_(secrets),
      viewer_(config, auth) {}

void AuthPages::add_routes(http::Router& r) {
  auto bind = [this](auto method) {
    return [this, method](http::Request& req) { return (this->*method)(req); };
  };
  r.add("GET", "/auth/sign_in", bind(&AuthPages::sign_in_form));
  r.add("POST", "/auth/sign_in", bind(&AuthPages::sign_in));
  r.add("POST", "/auth/sign_out", bind(&AuthPages::sign_out));
  r.add("GET", "/auth/sign_up", bind(&AuthPages::sign_up_form));
  r.add("POST", "/auth/sign_up", bind(&AuthPages::sign_up));
  r.add("GET", "/auth/confirmation", bind(&AuthPages::confirm));
  r.add("GET", "/auth/password/new", bind(&AuthPages::password_new));
  r.add("POST", "/auth/password/new", bind(&AuthPages::password_request));
  r.add("GET", "/auth/password/edit", bind(&AuthPages::password_edit));
  r.add("POST", "/auth/password/edit", bind(&AuthPages::password_update));
  r.add("GET", domain::kOAuthAuthorizePath, bind(&AuthPages::authorize_form));
  r.add("POST", domain::kOAuthAuthorizePath, bind(&AuthPages::authorize));
  r.add("GET", "/settings", bind(&AuthPages::settings));
  r.add("POST", "/settings/password", bind(&AuthPages::settings_password));
  r.add("POST", "/settings/email", bind(&AuthPages::settings_email));
  r.add("POST", "/settings/apps/:id/revoke", bind(&AuthPages::settings_revoke));
  r.add("POST", "/settings/delete", bind(&AuthPages::settings_delete));
  r.add("GET", "/invite/:code", [](http::Request& req) -> awaitable<http::Response> {
    co_return redirect("/auth/sign_up?invite=" + http::url_encode(*req.path_param("code")));
  });
}

// --- plumbing ------------------------------------------------------------------------------

http::Response AuthPages::page(unsigned status, const std::string& title,
                               const std::string& body) const {
  return web::page(status, config_.instance.title, title, body);
}

std::string AuthPages::cookie_name(const char* base) const { return viewer_.cookie_name(base); }

std::string AuthPages::session_cookie(const std::string& value, bool expire) const {
  std::string c = cookie_name(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
  if (config_.scheme == "https") c += "; Secure";
  if (expire) c += "; Max-Age=0";
  return c;
}

std::string AuthPages::session_value(const http::Request& req) const {
  return req.cookie(cookie_name(kSessionCookie)).value_or("");
}

// The token is bound to the CSRF cookie and to the session, so a planted cookie alone is not
// enough to forge a form for someone who is signed in.
std::string AuthPages::expected_csrf(const std::string& seed, const http::Request& req) const {
  return hmac_sha256_hex(secrets_.session_secret, "csrf:" + seed + ":" + session_value(req));
}

std::string AuthPages::csrf_token(const http::Request& req, http::Response& res) const {
  std::string seed = req.cookie(cookie_name(kCsrfCookie)).value_or("");
  if (seed.size() != 43) {
    seed = random_token();
    std::string c = cookie_name(kCsrfCookie) + "=" + seed + "; Path=/; HttpOnly; SameSite=Lax";
    if (config_.scheme == "https") c += "; Secure";
    res.headers.emplace_back("Set-Cookie", c);
  }
  return expected_csrf(seed, req);
}

http::Params AuthPages::verified_form(const http::Request& req) const {
  auto params = http::Params::from_request(req);
  std::string seed = req.cookie(cookie_name(kCsrfCookie)).value_or("");
  std::string expected = expected_csrf(seed, req);
  if (seed.empty() || !constant_time_equals(params.string_or("authenticity_token", ""), expected)) {
    throw Error(ErrorCode::kUnprocessable,
                "The form expired or was not sent from this site. Go back, reload and try again.");
  }
  return params;
}

http::Response AuthPages::form_page(const http::Request& req, unsigned status,
                                    const std::string& title, const std::string& body) {
  http::Response probe;
  std::string token = csrf_token(req, probe);
  std::string filled = body;
  // A marker user text can never contain: every user value is HTML-escaped, so "<" never
  // survives into the body from outside.
  const std::string marker = "<csrf/>";
  for (auto pos = filled.find(marker); pos != std::string::npos; pos = filled.find(marker, pos)) {
    std::string field = hidden("authenticity_token", token);
    filled.replace(pos, marker.size(), field);
    pos += field.size();
  }
  http::Response res = page(status, title, filled);
  for (auto& h : probe.headers) res.headers.push_back(h);
  return res;
}

awaitable<std::optional<domain::UserWithAccount>> AuthPages::current_user(
    const http::Request& req) {
  co_return co_await viewer_.current_user(req);
}

}  // namespace lox::web
