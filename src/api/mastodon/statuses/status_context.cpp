#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/statuses/statuses_module.hpp>

namespace lox::api::mastodon {

// The thread around a status: what it replies to, and the replies to it.
awaitable<http::Response> StatusesModule::context(Call& call) {
  auto ctx = co_await reader_.context(path_id(call.request), viewer_of(call));
  co_return http::Response::json(200, {{"ancestors", statuses_json(config_, ctx.ancestors)},
                                       {"descendants", statuses_json(config_, ctx.descendants)}});
}

}  // namespace lox::api::mastodon
