#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/sponsors/sponsors_module.hpp>

namespace lox::api::mastodon {

// Ends account_id's curatorship of a community.
awaitable<http::Response> SponsorsModule::remove_curator(Call& call) {
  auto ids = id_params(call.params, "account_id");
  co_await sponsors_.remove_curator(call.user(), ids.empty() ? 0 : ids.front(),
                                    call.params.string("community").value_or(""));
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
