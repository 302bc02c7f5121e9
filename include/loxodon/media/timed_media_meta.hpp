#pragma once

#include <optional>
#include <string_view>

namespace lox::media {

// What the header of a video or audio file tells without decoding anything.
struct TimedMediaMeta {
  double duration = 0;  // seconds
  int width = 0;        // of the video track as displayed (rotation applied); 0 for audio
  int height = 0;
  double frame_rate = 0;  // frames per second of the video track, when it can be counted
  bool has_video = false;
  bool has_audio = false;
};

// Reads an ISO base media file (MP4, MOV, M4A: `moov` with `mvhd` and `trak` boxes) without
// decoding: duration, the video track's size and frame rate, which kinds of track there are.
// Bounds-checked throughout; nothing for other formats (WebM, Ogg, MP3, WAV, FLAC) or a file
// whose boxes do not hold together.
std::optional<TimedMediaMeta> read_iso_media_meta(std::string_view bytes);

}  // namespace lox::media
