#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lox::media {

enum class MediaKind { kImage, kVideo, kAudio };

struct SniffedMedia {
  MediaKind kind = MediaKind::kImage;
  std::string mime;       // what the bytes are, whatever the upload claimed
  std::string extension;  // without the dot
};

// What an upload really is, from its first bytes only: the filename and the part's
// Content-Type are never trusted. Anything not recognised (HTML, SVG, PDF, scripts, archives…)
// is refused, so nothing a browser would run can be stored as media.
std::optional<SniffedMedia> sniff_media(std::string_view bytes);

}  // namespace lox::media
