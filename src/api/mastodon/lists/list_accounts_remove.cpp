#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/lists/lists_module.hpp>

namespace lox::api::mastodon {

// Removes account_ids[] from a list.
awaitable<http::Response> ListsModule::remove_accounts(Call& call) {
  std::int64_t id = path_id(call.request);
  co_await lists_.remove_members(call.user().account.id, id, id_params(call.params, "account_ids"));
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
