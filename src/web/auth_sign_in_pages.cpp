#include "web/auth_forms.hpp"
#include "web/html.hpp"

#include <loxodon/http/request.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/web/auth_pages.hpp>

namespace lox::web {

namespace {

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

// --- sign in / out ---------------------------------------------------------------------------

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

}  // namespace lox::web
