#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/accounts/accounts_module.hpp>
#include <loxodon/util/error.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> AccountsModule::show(Call& call) {
  auto account = co_await accounts_.account(path_id(call.request), viewer_of(call));
  co_return http::Response::json(200, account_json(config_, account));
}

// An account by its handle (user or user@domain), without resolving unknown remote ones.
awaitable<http::Response> AccountsModule::lookup(Call& call) {
  auto acct = call.params.string("acct");
  if (!acct || acct->empty()) throw Error(ErrorCode::kBadRequest, "Missing parameter: acct");
  auto account = co_await accounts_.lookup(*acct, viewer_of(call));
  co_return http::Response::json(200, account_json(config_, account));
}

}  // namespace lox::api::mastodon
