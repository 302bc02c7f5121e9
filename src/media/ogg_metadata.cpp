#include "media/ogg_metadata.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <vector>

namespace lox::media {

namespace {

// Ogg's page checksum: CRC-32 with polynomial 0x04C11DB7, most significant bit first, no
// reflection, initial value and final XOR zero (RFC 3533 §6).
std::uint32_t ogg_crc(std::string_view bytes) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t r = i << 24;
      for (int k = 0; k < 8; ++k) r = (r & 0x80000000u) ? (r << 1) ^ 0x04C11DB7u : r << 1;
      t[i] = r;
    }
    return t;
  }();
  std::uint32_t crc = 0;
  for (unsigned char c : bytes) crc = (crc << 8) ^ table[((crc >> 24) ^ c) & 0xFF];
  return crc;
}

std::uint32_t le32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}

struct Span {
  std::size_t page_at;  // where the page starts (its checksum is redone)
  std::size_t at;
  std::size_t length;
};

struct Stream {
  int packets = 0;          // packets completed so far
  bool flac = false;        // FLAC in Ogg: the comment packet is a metadata block
  std::string first_bytes;  // of packet 0, to know the codec
  std::vector<Span> spans;  // of the packet being read
};

// Where the comments start in a comment packet, after its codec's magic; 0 when unknown.
std::size_t comments_offset(const Stream& s, std::string_view packet) {
  if (packet.starts_with("\x03vorbis")) return 7;
  if (packet.starts_with("OpusTags")) return 8;
  if (packet.starts_with("\x81theora")) return 7;
  if (s.flac && !packet.empty() && (static_cast<unsigned char>(packet[0]) & 0x7F) == 4) return 4;
  return 0;
}

// Overwrites every "KEY=value" in a comment packet with "_=" and spaces of the same length.
bool blank_comments(std::string& packet, std::size_t at) {
  if (at + 4 > packet.size()) return false;
  std::uint64_t vendor = le32(packet, at);
  at += 4;
  if (vendor > packet.size() - at || packet.size() - at - vendor < 4) return false;
  at += static_cast<std::size_t>(vendor);
  std::uint32_t count = le32(packet, at);
  at += 4;
  bool changed = false;
  for (std::uint32_t i = 0; i < count && at + 4 <= packet.size(); ++i) {
    std::uint64_t length = le32(packet, at);
    at += 4;
    if (length > packet.size() - at) break;
    for (std::size_t k = 0; k < length; ++k) packet[at + k] = k == 0 ? '_' : k == 1 ? '=' : ' ';
    changed = changed || length > 0;
    at += static_cast<std::size_t>(length);
  }
  return changed;
}

// A stream's packet was read whole (its spans): the first tells the codec, the second holds the
// comments, blanked in place in `b`.
void packet_read(std::string& b, Stream& stream, std::set<std::size_t>& touched_pages) {
  if (stream.packets == 0) {
    std::string first;
    for (const auto& s : stream.spans) first += b.substr(s.at, std::min<std::size_t>(s.length, 16));
    stream.flac = first.starts_with(
        "\x7F"
        "FLAC");
  } else {
    std::string packet;
    for (const auto& s : stream.spans) packet += b.substr(s.at, s.length);
    std::size_t offset = comments_offset(stream, packet);
    if (offset > 0 && blank_comments(packet, offset)) {
      std::size_t from = 0;
      for (const auto& s : stream.spans) {
        b.replace(s.at, s.length, packet, from, s.length);
        from += s.length;
        touched_pages.insert(s.page_at);
      }
    }
  }
}

// The checksum is computed with its own field zeroed.
void update_checksum(std::string& b, std::size_t page) {
  const std::size_t segments = static_cast<unsigned char>(b[page + 26]);
  std::size_t length = 27 + segments;
  for (std::size_t i = 0; i < segments; ++i) length += static_cast<unsigned char>(b[page + 27 + i]);
  for (std::size_t i = 22; i < 26; ++i) b[page + i] = '\0';
  std::uint32_t crc = ogg_crc(std::string_view(b).substr(page, length));
  for (std::size_t i = 0; i < 4; ++i) b[page + 22 + i] = static_cast<char>((crc >> (8 * i)) & 0xFF);
}

}  // namespace

void clear_ogg_comments(std::string& b) {
  std::map<std::uint32_t, Stream> streams;
  std::set<std::size_t> touched_pages;
  std::size_t at = 0;
  while (at + 27 <= b.size() && std::string_view(b).substr(at, 4) == "OggS" && b[at + 4] == 0) {
    const std::uint32_t serial = le32(b, at + 14);
    const std::size_t segments = static_cast<unsigned char>(b[at + 26]);
    if (at + 27 + segments > b.size()) break;
    std::size_t body = at + 27 + segments;
    std::size_t body_length = 0;
    for (std::size_t i = 0; i < segments; ++i)
      body_length += static_cast<unsigned char>(b[at + 27 + i]);
    if (body_length > b.size() - body) break;
    if (streams.size() >= 1000 && !streams.contains(serial)) break;
    Stream& stream = streams[serial];
    std::size_t data = body;
    std::size_t run = 0;  // bytes of the current packet on this page so far
    for (std::size_t i = 0; i < segments && stream.packets < 2; ++i) {
      std::size_t lace = static_cast<unsigned char>(b[at + 27 + i]);
      run += lace;
      if (lace == 255) continue;  // the packet goes on
      // A packet ends here: [data, data + run) is its part on this page.
      stream.spans.push_back({at, data, run});
      packet_read(b, stream, touched_pages);
      stream.spans.clear();
      ++stream.packets;
      data += run;
      run = 0;
    }
    // A packet that goes on to the next page.
    if (run > 0 && stream.packets < 2) stream.spans.push_back({at, data, run});
    at = body + body_length;
  }
  for (std::size_t page : touched_pages) update_checksum(b, page);
}

}  // namespace lox::media
