#include <loxodon/web/page_viewer.hpp>

namespace lox::web {

PageViewer::PageViewer(const config::Config& config, services::AuthService& auth)
    : config_(config), auth_(auth) {}

std::string PageViewer::cookie_name(const char* base) const {
  return (config_.scheme == "https" ? std::string("__Host-") : std::string()) + base;
}

awaitable<std::optional<domain::UserWithAccount>> PageViewer::current_user(
    const http::Request& req) const {
  std::string cookie = req.cookie(cookie_name(kSessionCookie)).value_or("");
  if (cookie.empty()) co_return std::nullopt;
  auto user = co_await auth_.session_user(cookie);
  if (user && (user->account.suspended_at || user->user.disabled)) co_return std::nullopt;
  co_return user;
}

}  // namespace lox::web
