#include "api/mastodon/media/media_upload_params.hpp"
#include "api/mastodon/media_serializer.hpp"

#include <loxodon/api/mastodon/media/media_module.hpp>

namespace lox::api::mastodon {

// v2: stores the upload and answers at once; processing goes on in a job.
awaitable<http::Response> MediaModule::upload(Call& call) {
  auto row = co_await media_.upload(call.user().account.id, media_upload_from(call.params));
  // 202: the client polls GET /api/v1/media/:id until it is processed.
  co_return http::Response::json(202, media_json(config_, row));
}

}  // namespace lox::api::mastodon
