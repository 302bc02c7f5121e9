#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/polls/polls_module.hpp>

namespace lox::api::mastodon {

// A poll, when its status is visible to the caller.
awaitable<http::Response> PollsModule::get(Call& call) {
  std::int64_t id = path_id(call.request);
  auto page = co_await polls_.poll(id, viewer_of(call));
  co_return http::Response::json(200, status_json(config_, page.statuses.at(0), page)["poll"]);
}

}  // namespace lox::api::mastodon
