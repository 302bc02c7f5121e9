#pragma once

#include <loxodon/http/request.hpp>

#include <optional>
#include <string>

namespace lox::api::mastodon {

// The stored file a GET /system/media/:a/:b/:id/:file names, and the type it is sent as.
struct MediaFileRequest {
  std::string key;  // "ab/cd/<id>/original.jpg", as the media store names it
  const char* type = nullptr;
};

// Only the variants the media service writes (original, small, avatar, header, emoji,
// emoji-static) with an extension of a type we serve; nothing else, so no other file under the
// store can be asked for (the caller answers 404).
std::optional<MediaFileRequest> media_file_request_from(const http::Request& request);

}  // namespace lox::api::mastodon
