#include "web/html.hpp"

#include <loxodon/domain/oauth_paths.hpp>
#include <loxodon/http/request.hpp>
#include <loxodon/services/accounts/oauth_error.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/web/auth_pages.hpp>

namespace lox::web {

namespace {

using services::OAuthError;

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

// Where the consent page comes back to after signing in afresh: the same request without
// force_login, or the sign-in page would send the browser straight back to it.
std::string authorize_again_path(const http::Request& req) {
  std::string back = "/oauth/authorize?";
  for (const auto& [name, value] : req.query) {
    if (name == "force_login") continue;
    back += http::url_encode(name) + "=" + http::url_encode(value) + "&";
  }
  back.pop_back();
  return back;
}

std::string use_another_account_body(const std::string& username, const std::string& back) {
  return "<p>You are signed in as <strong>@" + html_escape(username) +
         "</strong>. The app asks to sign in again, to add another account.</p>"
         "<form method=\"post\" action=\"/auth/sign_out\"><csrf/>" +
         hidden("return_to", back) +
         "<button type=\"submit\">Sign out and use another account</button></form>"
         "<p><a href=\"" +
         html_escape(back) + "\">Continue as @" + html_escape(username) + "</a></p>";
}

// The consent form: what the app asks for, approved or denied with the same hidden fields.
std::string consent_body(const services::AuthorizationRequest& ar,
                         const services::ValidatedAuthorization& v, const std::string& state,
                         const std::string& username) {
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
  return "<p><strong>" + html_escape(v.app.name) + "</strong>" + website +
         " would like to use your account <strong>@" + html_escape(username) +
         "</strong>.</p><p>It asks for:</p><ul class=\"scopes\">" + scopes +
         "</ul><div class=\"row\"><form method=\"post\" action=\"/oauth/authorize\">" + fields +
         hidden("decision", "approve") +
         "<button type=\"submit\">Authorize</button></form><form method=\"post\" "
         "action=\"/oauth/authorize\">" +
         fields + hidden("decision", "deny") +
         "<button type=\"submit\" class=\"secondary\">Deny</button></form></div>"
         "<p><small>You can revoke access at any time in <a "
         "href=\"/settings\">settings</a>.</small></p>";
}

}  // namespace

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
    // Sign in afresh (to add another account in an app). A GET never signs anyone out (any
    // site could link here): someone signed in confirms with a form that carries a CSRF token.
    std::string back = authorize_again_path(req);
    if (!user) co_return redirect("/auth/sign_in?return_to=" + http::url_encode(back));
    co_return form_page(req, 200, "Use another account",
                        use_another_account_body(user->account.username, back));
  }
  if (!user) co_return redirect("/auth/sign_in?return_to=" + http::url_encode(req.target));
  if (auto reason = services::login_blocked_reason(*user)) {
    co_return page(403, "Authorization required", error_box(*reason));
  }
  co_return form_page(req, 200, "Authorization required",
                      consent_body(ar, v, state, user->account.username));
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

}  // namespace lox::web
