#include <loxodon/media/media_kind.hpp>

namespace lox::media {

namespace {
bool starts(std::string_view bytes, std::string_view prefix, std::size_t at = 0) {
  return bytes.size() >= at + prefix.size() && bytes.substr(at, prefix.size()) == prefix;
}
}  // namespace

std::optional<SniffedMedia> sniff_media(std::string_view b) {
  using namespace std::string_view_literals;
  if (starts(b, "\xFF\xD8\xFF"sv)) return SniffedMedia{MediaKind::kImage, "image/jpeg", "jpg"};
  if (starts(b, "\x89PNG\r\n\x1A\n"sv)) return SniffedMedia{MediaKind::kImage, "image/png", "png"};
  if (starts(b, "GIF87a") || starts(b, "GIF89a"))
    return SniffedMedia{MediaKind::kImage, "image/gif", "gif"};
  if (starts(b, "RIFF") && starts(b, "WEBP", 8))
    return SniffedMedia{MediaKind::kImage, "image/webp", "webp"};
  if (starts(b, "RIFF") && starts(b, "WAVE", 8))
    return SniffedMedia{MediaKind::kAudio, "audio/wave", "wav"};
  if (starts(b, "ftyp", 4)) {
    std::string_view brand = b.size() >= 12 ? b.substr(8, 4) : "";
    if (brand == "avif" || brand == "avis")
      return SniffedMedia{MediaKind::kImage, "image/avif", "avif"};
    if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1")
      return SniffedMedia{MediaKind::kImage, "image/heic", "heic"};
    if (brand == "qt  ") return SniffedMedia{MediaKind::kVideo, "video/quicktime", "mov"};
    if (brand == "M4A ") return SniffedMedia{MediaKind::kAudio, "audio/mp4", "m4a"};
    return SniffedMedia{MediaKind::kVideo, "video/mp4", "mp4"};
  }
  if (starts(b, "\x1A\x45\xDF\xA3"sv)) return SniffedMedia{MediaKind::kVideo, "video/webm", "webm"};
  if (starts(b, "OggS")) return SniffedMedia{MediaKind::kAudio, "audio/ogg", "ogg"};
  if (starts(b, "fLaC")) return SniffedMedia{MediaKind::kAudio, "audio/flac", "flac"};
  if (starts(b, "ID3") || starts(b, "\xFF\xFB"sv) || starts(b, "\xFF\xF3"sv) ||
      starts(b, "\xFF\xF2"sv)) {
    return SniffedMedia{MediaKind::kAudio, "audio/mpeg", "mp3"};
  }
  return std::nullopt;
}

}  // namespace lox::media
