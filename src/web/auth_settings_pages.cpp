#include "web/auth_forms.hpp"
#include "web/html.hpp"

#include <loxodon/http/request.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/web/auth_pages.hpp>

#include <charconv>

namespace lox::web {

namespace {

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

}  // namespace

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
