#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/donations/donations_module.hpp>

namespace lox::api::mastodon {

// Takes a row off (or puts it back on) the public thanks wall.
awaitable<http::Response> DonationsModule::hide_thanks(Call& call) {
  co_await thanks_.set_hidden(call.user(), path_id(call.request), true);
  co_return http::Response::json_text(200, "{}");
}

awaitable<http::Response> DonationsModule::show_thanks(Call& call) {
  co_await thanks_.set_hidden(call.user(), path_id(call.request), false);
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
