#include "api/mastodon/media/media_upload_params.hpp"

namespace lox::api::mastodon {

services::MediaUpload media_upload_from(const http::Params& params) {
  services::MediaUpload upload;
  if (const auto* file = params.file("file")) upload.bytes = file->content;
  upload.description = params.string_or("description", "");
  upload.focus = params.string("focus");
  return upload;
}

}  // namespace lox::api::mastodon
