#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/media/media_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> MediaModule::destroy(Call& call) {
  std::int64_t id = path_id(call.request);
  co_await media_.remove(call.user().account.id, id);
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
