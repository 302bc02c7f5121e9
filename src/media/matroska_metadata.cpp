#include "media/matroska_metadata.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace lox::media {

namespace {

constexpr std::uint32_t kEbmlHeader = 0x1A45DFA3;
constexpr std::uint32_t kSegment = 0x18538067;
constexpr std::uint32_t kInfo = 0x1549A966;
constexpr std::uint32_t kTags = 0x1254C367;
constexpr std::uint32_t kAttachments = 0x1941A469;
constexpr std::uint32_t kTracks = 0x1654AE6B;
constexpr std::uint32_t kTrackEntry = 0xAE;
constexpr std::uint32_t kTrackName = 0x536E;
constexpr std::uint32_t kTitle = 0x7BA9;
constexpr std::uint32_t kDateUtc = 0x4461;
constexpr unsigned char kVoid = 0xEC;

struct Element {
  std::uint32_t id = 0;
  std::size_t header = 0;             // ID and size bytes
  std::optional<std::uint64_t> size;  // nothing: unknown (a live recording's cluster)
};

unsigned char byte_at(const std::string& b, std::size_t at) {
  return static_cast<unsigned char>(b[at]);
}

// The length of a variable-size integer from its first byte (1 to `max`), or 0 when invalid.
std::size_t vint_length(unsigned char first, std::size_t max) {
  for (std::size_t len = 1; len <= max; ++len) {
    if (first & (0x80u >> (len - 1))) return len;
  }
  return 0;
}

std::optional<Element> read_element(const std::string& b, std::size_t at) {
  if (at >= b.size()) return std::nullopt;
  std::size_t id_length = vint_length(byte_at(b, at), 4);
  if (id_length == 0 || id_length >= b.size() - at) return std::nullopt;
  Element e;
  for (std::size_t i = 0; i < id_length; ++i) e.id = (e.id << 8) | byte_at(b, at + i);
  std::size_t size_at = at + id_length;
  std::size_t size_length = vint_length(byte_at(b, size_at), 8);
  if (size_length == 0 || size_length > b.size() - size_at) return std::nullopt;
  std::uint64_t value = byte_at(b, size_at) & (0xFFu >> size_length);
  for (std::size_t i = 1; i < size_length; ++i) value = (value << 8) | byte_at(b, size_at + i);
  e.header = id_length + size_length;
  if (value != (std::uint64_t{1} << (7 * size_length)) - 1) e.size = value;
  return e;
}

// Overwrites [at, at + total) with one Void element (its size written with as many bytes as
// make it fill the span exactly), zero-filled.
void make_void(std::string& b, std::size_t at, std::size_t total) {
  std::size_t size_length = std::min<std::size_t>(8, total - 1);
  std::uint64_t data = total - 1 - size_length;
  b[at] = static_cast<char>(kVoid);
  for (std::size_t i = 0; i < size_length; ++i) {
    b[at + 1 + i] = static_cast<char>((data >> (8 * (size_length - 1 - i))) & 0xFF);
  }
  b[at + 1] = static_cast<char>(byte_at(b, at + 1) | (0x80u >> (size_length - 1)));
  std::fill(b.begin() + static_cast<std::ptrdiff_t>(at + 1 + size_length),
            b.begin() + static_cast<std::ptrdiff_t>(at + total), '\0');
}

// Calls `visit(element, at, total)` for each element of known size in [at, end); unknown sizes
// are stepped into. Returns early when the structure breaks.
template <class Visit>
void walk(std::string& b, std::size_t at, std::size_t end, Visit&& visit) {
  for (std::size_t count = 0; at < end && count < 10'000'000; ++count) {
    auto e = read_element(b, at);
    if (!e || e->header > end - at) return;
    if (!e->size) {
      at += e->header;
      continue;
    }
    if (*e->size > end - at - e->header) return;
    std::size_t total = e->header + static_cast<std::size_t>(*e->size);
    visit(*e, at, total);
    at += total;
  }
}

}  // namespace

void clear_matroska_metadata(std::string& b) {
  auto header = read_element(b, 0);
  if (!header || header->id != kEbmlHeader || !header->size ||
      *header->size > b.size() - header->header) {
    return;
  }
  std::size_t at = header->header + static_cast<std::size_t>(*header->size);
  auto segment = read_element(b, at);
  if (!segment || segment->id != kSegment || segment->header > b.size() - at) return;
  std::size_t begin = at + segment->header;
  std::size_t end = b.size();
  if (segment->size && *segment->size < end - begin) {
    end = begin + static_cast<std::size_t>(*segment->size);
  }
  walk(b, begin, end, [&](const Element& e, std::size_t element_at, std::size_t total) {
    if (e.id == kTags || e.id == kAttachments) {
      make_void(b, element_at, total);
    } else if (e.id == kInfo) {
      walk(b, element_at + e.header, element_at + total,
           [&](const Element& child, std::size_t child_at, std::size_t child_total) {
             if (child.id == kTitle || child.id == kDateUtc) make_void(b, child_at, child_total);
           });
    } else if (e.id == kTracks) {
      walk(b, element_at + e.header, element_at + total,
           [&](const Element& track, std::size_t track_at, std::size_t track_total) {
             if (track.id != kTrackEntry) return;
             walk(b, track_at + track.header, track_at + track_total,
                  [&](const Element& child, std::size_t child_at, std::size_t child_total) {
                    if (child.id == kTrackName) make_void(b, child_at, child_total);
                  });
           });
    }
  });
}

}  // namespace lox::media
