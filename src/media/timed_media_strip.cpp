#include "media/matroska_metadata.hpp"
#include "media/ogg_metadata.hpp"

#include <loxodon/media/timed_media_strip.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace lox::media {

namespace {

std::uint64_t be(const std::string& b, std::size_t at, std::size_t n) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

// Boxes whose children can hold metadata boxes, and the metadata boxes themselves.
constexpr std::array<std::string_view, 5> kContainers = {"moov", "trak", "mdia", "minf", "edts"};
constexpr std::array<std::string_view, 4> kMetadata = {"udta", "meta", "uuid", "XMP_"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view v) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

// Clears metadata boxes among the boxes in [begin, end); descends into containers, at most a
// few levels (moov/trak/mdia/minf is as deep as they go).
void clear_iso_boxes(std::string& b, std::size_t begin, std::size_t end, int depth) {
  std::size_t at = begin;
  for (int count = 0; at + 8 <= end && count < 100000; ++count) {
    std::uint64_t size = be(b, at, 4);
    std::size_t header = 8;
    if (size == 1) {
      if (at + 16 > end) return;
      size = be(b, at + 8, 8);
      header = 16;
    } else if (size == 0) {
      size = end - at;
    }
    if (size < header || size > end - at) return;
    std::string_view type(b.data() + at + 4, 4);
    if (in(kMetadata, type)) {
      std::memcpy(b.data() + at + 4, "free", 4);
      std::fill(b.begin() + static_cast<std::ptrdiff_t>(at + header),
                b.begin() + static_cast<std::ptrdiff_t>(at + size), '\0');
    } else if (depth < 4 && in(kContainers, type)) {
      clear_iso_boxes(b, at + header, at + size, depth + 1);
    }
    at += size;
  }
}

bool is_iso_media(const std::string& b) { return b.size() >= 12 && b.compare(4, 4, "ftyp") == 0; }

void strip_mp3_tags(std::string& b) {
  // ID3v2: "ID3", version (2), flags, a 28-bit synchsafe size, then a footer when flagged.
  if (b.size() >= 10 && b.compare(0, 3, "ID3") == 0) {
    std::size_t size = 0;
    for (int i = 6; i < 10; ++i) size = (size << 7) | (static_cast<unsigned char>(b[i]) & 0x7f);
    std::size_t total = 10 + size + ((static_cast<unsigned char>(b[5]) & 0x10) ? 10 : 0);
    if (total <= b.size()) b.erase(0, total);
  }
  // ID3v1: the last 128 bytes, starting "TAG".
  if (b.size() >= 128 && b.compare(b.size() - 128, 3, "TAG") == 0) b.resize(b.size() - 128);
}

void clear_flac_blocks(std::string& b) {
  // "fLaC", then metadata blocks: 1 byte (last flag, type), 24-bit length, the data.
  std::size_t at = 4;
  for (int count = 0; at + 4 <= b.size() && count < 10000; ++count) {
    auto flags = static_cast<unsigned char>(b[at]);
    std::size_t length = be(b, at + 1, 3);
    if (length > b.size() - at - 4) return;
    int type = flags & 0x7f;
    if (type == 4 || type == 6) {                     // VORBIS_COMMENT, PICTURE
      b[at] = static_cast<char>((flags & 0x80) | 1);  // PADDING, keeping the last-block flag
      std::fill(b.begin() + static_cast<std::ptrdiff_t>(at + 4),
                b.begin() + static_cast<std::ptrdiff_t>(at + 4 + length), '\0');
    }
    at += 4 + length;
    if (flags & 0x80) return;
  }
}

}  // namespace

std::string without_timed_media_metadata(std::string bytes) {
  if (is_iso_media(bytes)) {
    clear_iso_boxes(bytes, 0, bytes.size(), 0);
  } else if (bytes.size() >= 4 && bytes.compare(0, 4, "fLaC") == 0) {
    clear_flac_blocks(bytes);
  } else if (bytes.compare(0, 3, "ID3") == 0 ||
             (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
              (static_cast<unsigned char>(bytes[1]) & 0xE0) == 0xE0)) {
    strip_mp3_tags(bytes);
  } else if (bytes.size() >= 4 && bytes.compare(0, 4, "\x1A\x45\xDF\xA3") == 0) {
    clear_matroska_metadata(bytes);
  } else if (bytes.size() >= 4 && bytes.compare(0, 4, "OggS") == 0) {
    clear_ogg_comments(bytes);
  }
  return bytes;
}

}  // namespace lox::media
