#include "web/html.hpp"

#include <loxodon/domain/oauth_paths.hpp>
#include <loxodon/http/request.hpp>
#include <loxodon/services/accounts/oauth_error.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/web/auth_pages.hpp>

#include <charconv>

namespace lox::web {

namespace {

using services::OAuthError;

// Only local paths: an open redirect through the sign-in page would hand sessions to phishers.
std::string safe_return_to(const std::string& value, const std::string& fallback) {
  // Browsers drop tabs and newlines from URLs ("/\t/evil.example" becomes "//evil.example"),
  // so any control character disqualifies the value before the shape is checked.
  for (unsigned char c : value) {
    if (c < 0x20 || c == 0x7f || c == '\\') return fallback;
  }
  if (value == "/" || (value.size() > 1 && value[0] == '/' && value[1] != '/')) return value;
  return fallback;
}

// A settings notice is chosen by code, never taken from the URL: nobody can put their own words
// on someone's settings page.
std::string notice_text(std::string_view code) {
  if (code == "password") return "Your password was changed. Other browsers were signed out.";
  if (code == "email") return "Your e-mail address was changed.";
  if (code == "email_pending") {
    return "We sent a confirmation link to the new address; the change takes effect when you "
           "open it.";
  }
  if (code == "revoked") return "Access revoked.";
  return "";
}

std::string with_query(const std::string& uri,
                       const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out = uri;
  char sep = uri.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [k, v] : params) {
    if (v.empty() && k == "state") continue;
    out += sep;
    out += http::url_encode(k) + "=" + http::url_encode(v);
    sep = '&';
  }
  return out;
}

std::string scope_description(const std::string& scope) {
  if (scope == "read") return "Read all your account's data";
  if (scope == "write") return "Modify all your account's data";
  if (scope == "follow") return "Modify account relationships";
  if (scope == "push") return "Receive your push notifications";
  if (scope == "profile") return "Read only your account's profile information";
  if (scope.starts_with("admin:")) return "Administration: " + scope.substr(6);
  if (scope.starts_with("read:")) return "Read your " + scope.substr(5);
  if (scope.starts_with("write:")) return "Modify your " + scope.substr(6);
  return scope;
}

std::string text_field(const std::string& name, const std::string& label, const std::string& type,
                       const std::string& value, const std::string& autocomplete) {
  return "<label for=\"" + name + "\">" + html_escape(label) + "</label><input type=\"" + type +
         "\" id=\"" + name + "\" name=\"" + name + "\" value=\"" + html_escape(value) +
         "\" autocomplete=\"" + autocomplete + "\">";
}

}  // namespace

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

// --- sign in / out ---------------------------------------------------------------------------

namespace {
std::string sign_in_body(const std::string& login, const std::string& return_to,
                         const std::string& error) {
  return (error.empty() ? std::string() : error_box(error)) +
         "<form method=\"post\" action=\"/auth/sign_in\"><csrf/>" + hidden("return_to", return_to) +
         text_field("login", "E-mail address or username", "text", login, "username") +
         text_field("password", "Password", "password", "", "current-password") +
         "<button type=\"submit\">Sign in</button></form>"
         "<p><a href=\"/auth/sign_up\">Create an account</a> &middot; "
         "<a href=\"/auth/password/new\">Forgot your password?</a></p>";
}
}  // namespace

awaitable<http::Response> AuthPages::sign_in_form(http::Request& req) {
  std::string return_to =
      safe_return_to(std::string(req.query_param("return_to").value_or("")), "/settings");
  if (co_await current_user(req)) co_return redirect(return_to);
  co_return form_page(req, 200, "Sign in", sign_in_body("", return_to, ""));
}

awaitable<http::Response> AuthPages::sign_in(http::Request& req) {
  auto form = verified_form(req);
  std::string login = form.string_or("login", form.string_or("email", ""));
  std::string return_to = safe_return_to(form.string_or("return_to", ""), "/settings");
  std::string error;
  unsigned status = 401;
  try {
    std::string password = form.string_or("password", "");
    std::string ip = req.remote_address;
    std::string agent(req.header("User-Agent").value_or(""));
    auto user = co_await auth_.sign_in(login, password, ip);
    std::string token = co_await auth_.create_session(user.user.id, ip, agent);
    http::Response res = redirect(return_to);
    res.headers.emplace_back("Set-Cookie", session_cookie(token));
    co_return res;
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kUnauthorized && e.code() != ErrorCode::kTooManyRequests) throw;
    error = e.what();
    status = http_status(e.code());
  }
  co_return form_page(req, status, "Sign in", sign_in_body(login, return_to, error));
}

awaitable<http::Response> AuthPages::sign_out(http::Request& req) {
  auto form = verified_form(req);
  std::string cookie = session_value(req);
  if (!cookie.empty()) co_await auth_.end_session(cookie);
  // Signing out to add another account in an app goes on to sign in, then back to the app.
  std::string return_to = safe_return_to(form.string_or("return_to", ""), "");
  http::Response res =
      redirect(return_to.empty() ? "/auth/sign_in"
                                 : "/auth/sign_in?return_to=" + http::url_encode(return_to));
  res.headers.emplace_back("Set-Cookie", session_cookie("", true));
  co_return res;
}

// --- sign up -------------------------------------------------------------------------------

std::string AuthPages::sign_up_body(const services::InstanceSnapshot& snapshot,
                                    const http::Params& values, const std::string& invite,
                                    const std::string& error) {
  const bool approval =
      config_.instance.registrations == config::RegistrationMode::kApproval && invite.empty();
  std::string rules;
  if (!snapshot.rules.empty()) {
    rules = "<h2>Server rules</h2><ol>";
    for (const auto& rule : snapshot.rules) {
      rules += "<li>" + html_escape(rule.text);
      if (!rule.hint.empty()) rules += "<br><small>" + html_escape(rule.hint) + "</small>";
      rules += "</li>";
    }
    rules += "</ol>";
  }
  std::string body = error.empty() ? std::string() : error_box(error);
  if (approval) {
    body += notice_box(
        "New accounts on this server are reviewed by a moderator before they can "
        "be used.");
  }
  body +=
      "<form method=\"post\" action=\"/auth/sign_up\"><csrf/>" + hidden("invite_code", invite) +
      text_field("username", "Username", "text", values.string_or("username", ""), "username") +
      text_field("email", "E-mail address", "email", values.string_or("email", ""), "email") +
      text_field("password", "Password (8 characters or more)", "password", "", "new-password") +
      text_field("password_confirmation", "Confirm password", "password", "", "new-password");
  if (approval) {
    body +=
        "<label for=\"reason\">Why do you want to join?</label><textarea id=\"reason\" "
        "name=\"reason\" rows=\"3\">" +
        html_escape(values.string_or("reason", "")) + "</textarea>";
  }
  body += rules +
          "<label class=\"row\"><input type=\"checkbox\" name=\"agreement\" value=\"1\"> I have "
          "read and agree to the server rules</label>"
          "<button type=\"submit\">Sign up</button></form>"
          "<p><a href=\"/auth/sign_in\">Already have an account? Sign in</a></p>";
  return body;
}

awaitable<http::Response> AuthPages::sign_up_form(http::Request& req) {
  std::string invite(req.query_param("invite").value_or(""));
  if (!invite.empty() && !co_await accounts_.invite_valid(invite)) {
    co_return page(404, "Invite link", error_box("This invite link is invalid or has expired."));
  }
  if (invite.empty() && config_.instance.registrations == config::RegistrationMode::kClosed) {
    std::string message = config_.instance.registration_message.empty()
                              ? std::string("Registrations are closed on this server.")
                              : config_.instance.registration_message;
    co_return page(403, "Sign up", notice_box(message));
  }
  auto snapshot = co_await instance_.snapshot();
  co_return form_page(req, 200, "Create an account",
                      sign_up_body(*snapshot, http::Params{}, invite, ""));
}

awaitable<http::Response> AuthPages::sign_up(http::Request& req) {
  auto form = verified_form(req);
  std::string invite = form.string_or("invite_code", "");
  auto snapshot = co_await instance_.snapshot();
  std::string error;
  unsigned status = 422;
  if (form.string_or("password", "") != form.string_or("password_confirmation", "")) {
    error = "Validation failed: Password confirmation doesn't match Password";
  } else {
    services::RegistrationRequest r;
    r.username = form.string_or("username", "");
    r.email = form.string_or("email", "");
    r.password = form.string_or("password", "");
    r.agreement = form.boolean("agreement").value_or(false);
    r.reason = form.string("reason");
    if (!invite.empty()) r.invite_code = invite;
    r.ip = req.remote_address;
    try {
      auto created = co_await accounts_.register_account(r);
      if (auto reason = services::login_blocked_reason(created)) {
        std::string next = !created.user.confirmed
                               ? "We sent a confirmation link to " + created.user.email +
                                     ". Open it to activate your account."
                               : "Your account is waiting for a moderator's approval. You will "
                                 "be able to sign in once it is approved.";
        co_return page(200, "Almost there", notice_box(next));
      }
      std::string ip = req.remote_address;
      std::string agent(req.header("User-Agent").value_or(""));
      std::string token = co_await auth_.create_session(created.user.id, ip, agent);
      http::Response res = redirect("/settings");
      res.headers.emplace_back("Set-Cookie", session_cookie(token));
      co_return res;
    } catch (const Error& e) {
      if (e.code() == ErrorCode::kInternal || e.code() == ErrorCode::kServiceUnavailable) throw;
      error = e.what();
      status = http_status(e.code());
    }
  }
  co_return form_page(req, status, "Create an account",
                      sign_up_body(*snapshot, form, invite, error));
}

awaitable<http::Response> AuthPages::confirm(http::Request& req) {
  std::string token(req.query_param("confirmation_token").value_or(""));
  bool confirmed = false;
  bool taken = false;
  if (!token.empty()) {
    try {
      confirmed = co_await accounts_.confirm_email(token);
    } catch (const Error& e) {
      if (e.code() != ErrorCode::kConflict) throw;
      taken = true;  // the pending new address went to another account meanwhile
    }
  }
  if (taken) {
    co_return page(409, "Confirm your e-mail",
                   error_box("This address now belongs to another account."));
  }
  if (!confirmed) {
    co_return page(404, "Confirm your e-mail",
                   error_box("This confirmation link is invalid or was already used."));
  }
  co_return page(200, "Confirm your e-mail",
                 notice_box("Your e-mail address is confirmed.") +
                     "<p><a href=\"/auth/sign_in\">Sign in</a></p>");
}

// --- password reset ------------------------------------------------------------------------

awaitable<http::Response> AuthPages::password_new(http::Request& req) {
  co_return form_page(req, 200, "Forgot your password?",
                      "<form method=\"post\" action=\"/auth/password/new\"><csrf/>" +
                          text_field("email", "E-mail address", "email", "", "email") +
                          "<button type=\"submit\">Send reset instructions</button></form>");
}

awaitable<http::Response> AuthPages::password_request(http::Request& req) {
  auto form = verified_form(req);
  std::string email = form.string_or("email", "");
  co_await accounts_.request_password_reset(email);
  co_return page(200, "Forgot your password?",
                 notice_box("If this address belongs to an account, a message with a reset link "
                            "is on its way."));
}

awaitable<http::Response> AuthPages::password_edit(http::Request& req) {
  std::string token(req.query_param("reset_password_token").value_or(""));
  co_return form_page(req, 200, "Choose a new password",
                      "<form method=\"post\" action=\"/auth/password/edit\"><csrf/>" +
                          hidden("reset_password_token", token) +
                          text_field("password", "New password", "password", "", "new-password") +
                          "<button type=\"submit\">Change password</button></form>");
}

awaitable<http::Response> AuthPages::password_update(http::Request& req) {
  auto form = verified_form(req);
  try {
    std::string token = form.string_or("reset_password_token", "");
    std::string password = form.string_or("password", "");
    co_await accounts_.reset_password(token, password);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kUnprocessable) throw;
    co_return page(422, "Choose a new password", error_box(e.what()));
  }
  co_return page(
      200, "Choose a new password",
      notice_box("Your password was changed.") + "<p><a href=\"/auth/sign_in\">Sign in</a></p>");
}

// --- OAuth consent -------------------------------------------------------------------------

awaitable<http::Response> AuthPages::authorize_form(http::Request& req) {
  auto q = [&](const char* name) { return std::string(req.query_param(name).value_or("")); };
  services::AuthorizationRequest ar{q("response_type"),  q("client_id"),
                                    q("redirect_uri"),   q("scope"),
                                    q("code_challenge"), q("code_challenge_method")};
  std::string state = q("state");
  services::ValidatedAuthorization v;
  try {
    v = co_await auth_.validate_authorization(ar);
  } catch (const OAuthError& e) {
    if (e.redirectable() && e.redirect_uri() != domain::kOutOfBandRedirect) {
      co_return redirect(
          with_query(e.redirect_uri(),
                     {{"error", e.code()}, {"error_description", e.what()}, {"state", state}}),
          302);
    }
    co_return page(e.status(), "Authorization error",
                   error_box(e.what()) + "<p><code>" + html_escape(e.code()) + "</code></p>");
  }
  auto user = co_await current_user(req);
  if (q("force_login") == "true") {
    // Sign in afresh (to add another account in an app), coming back without the flag or the
    // sign-in page would send us straight here again. A GET never signs anyone out (any site
    // could link here): someone signed in confirms with a form that carries a CSRF token.
    std::string back = "/oauth/authorize?";
    for (const auto& [name, value] : req.query) {
      if (name == "force_login") continue;
      back += http::url_encode(name) + "=" + http::url_encode(value) + "&";
    }
    back.pop_back();
    if (!user) co_return redirect("/auth/sign_in?return_to=" + http::url_encode(back));
    co_return form_page(
        req, 200, "Use another account",
        "<p>You are signed in as <strong>@" + html_escape(user->account.username) +
            "</strong>. The app asks to sign in again, to add another account.</p>"
            "<form method=\"post\" action=\"/auth/sign_out\"><csrf/>" +
            hidden("return_to", back) +
            "<button type=\"submit\">Sign out and use another account</button></form>"
            "<p><a href=\"" +
            html_escape(back) + "\">Continue as @" + html_escape(user->account.username) +
            "</a></p>");
  }
  if (!user) co_return redirect("/auth/sign_in?return_to=" + http::url_encode(req.target));
  if (auto reason = services::login_blocked_reason(*user)) {
    co_return page(403, "Authorization required", error_box(*reason));
  }
  std::string scopes;
  for (const auto& s : v.scopes.list()) {
    scopes += "<li><strong>" + html_escape(s) + "</strong>: " + html_escape(scope_description(s)) +
              "</li>";
  }
  std::string fields =
      "<csrf/>" + hidden("client_id", ar.client_id) + hidden("redirect_uri", v.redirect_uri) +
      hidden("scope", v.scopes.to_string()) + hidden("state", state) +
      hidden("response_type", "code") + hidden("code_challenge", ar.code_challenge) +
      hidden("code_challenge_method", ar.code_challenge_method);
  std::string website = v.app.website ? " (" + html_escape(*v.app.website) + ")" : "";
  std::string body = "<p><strong>" + html_escape(v.app.name) + "</strong>" + website +
                     " would like to use your account <strong>@" +
                     html_escape(user->account.username) +
                     "</strong>.</p><p>It asks for:</p><ul class=\"scopes\">" + scopes +
                     "</ul><div class=\"row\"><form method=\"post\" action=\"/oauth/authorize\">" +
                     fields + hidden("decision", "approve") +
                     "<button type=\"submit\">Authorize</button></form><form method=\"post\" "
                     "action=\"/oauth/authorize\">" +
                     fields + hidden("decision", "deny") +
                     "<button type=\"submit\" class=\"secondary\">Deny</button></form></div>"
                     "<p><small>You can revoke access at any time in <a "
                     "href=\"/settings\">settings</a>.</small></p>";
  co_return form_page(req, 200, "Authorization required", body);
}

awaitable<http::Response> AuthPages::authorize(http::Request& req) {
  auto form = verified_form(req);
  auto user = co_await current_user(req);
  if (!user) co_return redirect("/auth/sign_in");
  if (auto reason = services::login_blocked_reason(*user)) {
    co_return page(403, "Authorization required", error_box(*reason));
  }
  services::AuthorizationRequest ar{
      form.string_or("response_type", "code"), form.string_or("client_id", ""),
      form.string_or("redirect_uri", ""),      form.string_or("scope", ""),
      form.string_or("code_challenge", ""),    form.string_or("code_challenge_method", "")};
  std::string state = form.string_or("state", "");
  services::ValidatedAuthorization v;
  try {
    v = co_await auth_.validate_authorization(ar);
  } catch (const OAuthError& e) {
    co_return page(e.status(), "Authorization error", error_box(e.what()));
  }
  const bool oob = v.redirect_uri == domain::kOutOfBandRedirect;
  if (form.string_or("decision", "") != "approve") {
    if (oob) co_return page(200, "Authorization denied", notice_box("You denied the request."));
    co_return redirect(
        with_query(v.redirect_uri,
                   {{"error", "access_denied"},
                    {"error_description",
                     "The resource owner or authorization server denied the request."},
                    {"state", state}}),
        302);
  }
  std::string code = co_await auth_.issue_code(v, user->user.id);
  if (oob) {
    co_return page(200, "Authorization code",
                   "<p>Copy this code and paste it into the application:</p><p><code>" +
                       html_escape(code) + "</code></p>");
  }
  co_return redirect(with_query(v.redirect_uri, {{"code", code}, {"state", state}}), 302);
}

// --- settings ------------------------------------------------------------------------------

awaitable<http::Response> AuthPages::settings(http::Request& req) {
  co_return co_await settings_page(req, "");
}

awaitable<http::Response> AuthPages::settings_page(http::Request& req, std::string settings_error) {
  auto user = co_await current_user(req);
  if (!user) co_return redirect("/auth/sign_in?return_to=%2Fsettings");
  auto apps = co_await auth_.authorized_applications(user->user.id);
  std::string notice = notice_text(req.query_param("notice").value_or(""));
  std::string body = notice.empty() ? std::string() : notice_box(notice);
  if (!settings_error.empty()) body += error_box(settings_error);
  if (auto reason = services::login_blocked_reason(*user)) body += error_box(*reason);
  body += "<p>Signed in as <strong>@" + html_escape(user->account.username) + "</strong> (" +
          html_escape(user->user.email) +
          ").</p>"
          "<form method=\"post\" action=\"/auth/sign_out\"><csrf/>"
          "<button type=\"submit\" class=\"secondary\">Sign out</button></form>"
          "<h2>Authorized apps</h2>";
  if (apps.empty()) body += "<p>No app can use your account.</p>";
  for (const auto& app : apps) {
    body += "<div class=\"row\"><span><strong>" + html_escape(app.name) + "</strong> <small>" +
            html_escape(app.scopes) +
            "</small></span><form method=\"post\" action=\"/settings/apps/" +
            std::to_string(app.id) +
            "/revoke\"><csrf/><button type=\"submit\" "
            "class=\"danger\">Revoke</button></form></div>";
  }
  body += "<h2>Change password</h2><form method=\"post\" action=\"/settings/password\"><csrf/>" +
          text_field("current_password", "Current password", "password", "", "current-password") +
          text_field("password", "New password", "password", "", "new-password") +
          "<button type=\"submit\">Change password</button></form>"
          "<h2>Change e-mail address</h2><form method=\"post\" action=\"/settings/email\"><csrf/>" +
          text_field("email", "New e-mail address", "email", "", "email") +
          text_field("current_password", "Current password", "password", "", "current-password") +
          "<button type=\"submit\">Change e-mail</button></form>"
          "<h2>Delete account</h2><p>This removes your account and everything in it. It cannot "
          "be undone.</p><form method=\"post\" action=\"/settings/delete\"><csrf/>" +
          text_field("current_password", "Current password", "password", "", "current-password") +
          "<button type=\"submit\" class=\"danger\">Delete my account</button></form>";
  co_return form_page(req, settings_error.empty() ? 200 : 422, "Settings", body);
}

awaitable<http::Response> AuthPages::settings_password(http::Request& req) {
  auto form = verified_form(req);
  auto user = co_await current_user(req);
  if (!user) co_return redirect("/auth/sign_in");
  std::string current = form.string_or("current_password", "");
  std::string next = form.string_or("password", "");
  std::string keep = session_value(req);
  std::string error;
  try {
    co_await accounts_.change_password(user->user.id, current, next, keep);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kUnprocessable) throw;
    error = e.what();
  }
  if (!error.empty()) co_return co_await settings_page(req, error);
  co_return redirect("/settings?notice=password");
}

awaitable<http::Response> AuthPages::settings_email(http::Request& req) {
  auto form = verified_form(req);
  auto user = co_await current_user(req);
  if (!user) co_return redirect("/auth/sign_in");
  std::string password = form.string_or("current_password", "");
  std::string email = form.string_or("email", "");
  std::string error;
  try {
    co_await accounts_.change_email(user->user.id, password, email);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kUnprocessable) throw;
    error = e.what();
  }
  if (!error.empty()) co_return co_await settings_page(req, error);
  co_return redirect(accounts_.email_changes_need_confirmation() ? "/settings?notice=email_pending"
                                                                 : "/settings?notice=email");
}

awaitable<http::Response> AuthPages::settings_revoke(http::Request& req) {
  verified_form(req);
  auto user = co_await current_user(req);
  if (!user) co_return redirect("/auth/sign_in");
  auto raw = req.path_param("id").value_or("");
  std::int64_t id = 0;
  std::from_chars(raw.data(), raw.data() + raw.size(), id);
  co_await auth_.revoke_application(user->user.id, id);
  co_return redirect("/settings?notice=revoked");
}

awaitable<http::Response> AuthPages::settings_delete(http::Request& req) {
  auto form = verified_form(req);
  auto user = co_await current_user(req);
  if (!user) co_return redirect("/auth/sign_in");
  std::string password = form.string_or("current_password", "");
  std::string error;
  try {
    co_await accounts_.delete_account(user->user.id, password);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kUnprocessable) throw;
    error = e.what();
  }
  if (!error.empty()) co_return co_await settings_page(req, error);
  http::Response res = page(200, "Account deleted", notice_box("Your account was deleted."));
  res.headers.emplace_back("Set-Cookie", session_cookie("", true));
  co_return res;
}

}  // namespace lox::web
