#include "api/mastodon/media_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/media/media_module.hpp>
#include <loxodon/util/error.hpp>

namespace lox::api::mastodon {

// An upload of the user's, polled by clients after a v2 upload until it is processed.
awaitable<http::Response> MediaModule::show(Call& call) {
  std::int64_t id = path_id(call.request);
  auto row = co_await media_.get(call.user().account.id, id);
  if (row.state == 2) {
    throw Error(ErrorCode::kUnprocessable, "Error processing thumbnail for uploaded media");
  }
  // 206 while processing, as Mastodon answers.
  co_return http::Response::json(row.state == 1 ? 200 : 206, media_json(config_, row));
}

}  // namespace lox::api::mastodon
