#include "api/mastodon/media_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/media/media_module.hpp>

namespace lox::api::mastodon {

// Changes an upload's description and focus (what is left out stays).
awaitable<http::Response> MediaModule::describe(Call& call) {
  std::int64_t id = path_id(call.request);
  auto row = co_await media_.describe(call.user().account.id, id, call.params.string("description"),
                                      call.params.string("focus"));
  co_return http::Response::json(row.state == 1 ? 200 : 206, media_json(config_, row));
}

}  // namespace lox::api::mastodon
