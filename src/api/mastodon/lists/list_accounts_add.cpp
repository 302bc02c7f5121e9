#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/lists/lists_module.hpp>

namespace lox::api::mastodon {

// Adds account_ids[] to a list (all must be followed, or none is added).
awaitable<http::Response> ListsModule::add_accounts(Call& call) {
  std::int64_t id = path_id(call.request);
  co_await lists_.add_members(call.user().account.id, id, id_params(call.params, "account_ids"));
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
