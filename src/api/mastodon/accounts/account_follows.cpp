#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/pagination.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/accounts/accounts_module.hpp>

namespace lox::api::mastodon {

namespace {
// Signed out, or signed in with an app token: no viewer (hidden lists stay hidden).
std::optional<std::int64_t> optional_viewer(const Call& call) {
  if (call.caller && call.caller->user) return call.caller->user->account.id;
  return std::nullopt;
}
}  // namespace

awaitable<http::Response> AccountsModule::followers(Call& call) {
  auto page = co_await relationships_.followers(path_id(call.request), optional_viewer(call),
                                                page_request(call.params, 40, 80));
  co_return account_page_response(call.request, config_, page);
}

awaitable<http::Response> AccountsModule::following(Call& call) {
  auto page = co_await relationships_.following(path_id(call.request), optional_viewer(call),
                                                page_request(call.params, 40, 80));
  co_return account_page_response(call.request, config_, page);
}

}  // namespace lox::api::mastodon
