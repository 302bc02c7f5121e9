#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/statuses/statuses_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> StatusesModule::show(Call& call) {
  auto page = co_await reader_.get(path_id(call.request), viewer_of(call));
  co_return status_response(config_, page);
}

// Several statuses by id (id[]=…); those the viewer may not see are left out.
awaitable<http::Response> StatusesModule::show_many(Call& call) {
  auto ids = id_params(call.params, "id");
  auto views = co_await reader_.many(ids, viewer_of(call));
  services::StatusPage page;
  page.statuses = std::move(views);
  co_return http::Response::json_text(200, statuses_json_text(config_, page));
}

}  // namespace lox::api::mastodon
