#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/pagination.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/timelines/timelines_module.hpp>

namespace lox::api::mastodon {

// The posts of the accounts on one of the user's lists.
awaitable<http::Response> TimelinesModule::list(Call& call) {
  std::int64_t id = path_id(call.request);
  auto page =
      co_await lists_.timeline(call.user().account.id, id, page_request(call.params, 20, 40));
  co_return status_page_response(call.request, config_, page);
}

}  // namespace lox::api::mastodon
