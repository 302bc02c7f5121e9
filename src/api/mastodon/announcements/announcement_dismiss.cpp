#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/announcements/announcements_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> AnnouncementsModule::dismiss(Call& call) {
  co_await feed_.dismiss(call.user().account.id, path_id(call.request));
  co_return http::Response::json(200, nlohmann::json::object());
}

}  // namespace lox::api::mastodon
