#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/donations/donations_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> DonationsModule::end_prompt(Call& call) {
  co_await prompts_.end(call.user(), path_id(call.request));
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
