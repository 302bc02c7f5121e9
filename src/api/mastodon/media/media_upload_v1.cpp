#include "api/mastodon/media/media_upload_params.hpp"
#include "api/mastodon/media_serializer.hpp"

#include <loxodon/api/mastodon/media/media_module.hpp>

namespace lox::api::mastodon {

// v1: older clients expect the attachment processed (preview, blurhash) in the answer.
awaitable<http::Response> MediaModule::upload_v1(Call& call) {
  auto row =
      co_await media_.upload_and_process(call.user().account.id, media_upload_from(call.params));
  co_return http::Response::json(200, media_json(config_, row));
}

}  // namespace lox::api::mastodon
