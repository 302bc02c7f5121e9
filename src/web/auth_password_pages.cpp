#include "web/auth_forms.hpp"
#include "web/html.hpp"

#include <loxodon/http/request.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/web/auth_pages.hpp>

namespace lox::web {

// --- e-mail confirmation -------------------------------------------------------------------

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

}  // namespace lox::web
