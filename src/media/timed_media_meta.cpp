#include <loxodon/media/timed_media_meta.hpp>

#include <cstdint>
#include <cstdlib>

namespace lox::media {

namespace {

// A window on the file that never reads past its end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  std::size_t size() const { return bytes_.size(); }
  bool has(std::size_t at, std::size_t n) const {
    return at <= bytes_.size() && n <= bytes_.size() - at;
  }
  std::uint64_t be(std::size_t at, std::size_t n) const {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(bytes_[at + i]);
    return v;
  }
  std::string_view sub(std::size_t at, std::size_t n) const { return bytes_.substr(at, n); }

 private:
  std::string_view bytes_;
};

struct Box {
  std::string_view type;
  std::string_view body;
};

// Calls `visit` for each box in `data`; false when a box's size does not fit.
template <class F>
bool for_each_box(std::string_view data, F visit) {
  Reader r(data);
  std::size_t at = 0;
  for (int count = 0; at < r.size(); ++count) {
    if (count > 10000 || !r.has(at, 8)) return false;
    std::uint64_t size = r.be(at, 4);
    std::size_t header = 8;
    if (size == 1) {
      if (!r.has(at, 16)) return false;
      size = r.be(at + 8, 8);
      header = 16;
    } else if (size == 0) {
      size = r.size() - at;  // to the end of the enclosing data
    }
    if (size < header || !r.has(at, size)) return false;
    visit(Box{r.sub(at + 4, 4), r.sub(at + header, size - header)});
    at += size;
  }
  return true;
}

std::optional<Box> child(std::string_view data, std::string_view type) {
  std::optional<Box> found;
  for_each_box(data, [&](const Box& b) {
    if (!found && b.type == type) found = b;
  });
  return found;
}

// mvhd and mdhd share their layout up to the duration: (timescale, duration) by version.
bool read_times(std::string_view body, std::uint64_t& timescale, std::uint64_t& duration) {
  Reader r(body);
  if (!r.has(0, 1)) return false;
  if (r.be(0, 1) == 1) {
    if (!r.has(20, 12)) return false;
    timescale = r.be(20, 4);
    duration = r.be(24, 8);
  } else {
    if (!r.has(12, 8)) return false;
    timescale = r.be(12, 4);
    duration = r.be(16, 4);
  }
  return timescale != 0;
}

// The number of samples (frames, for video) the stts table lists.
std::uint64_t sample_count(std::string_view stbl) {
  auto stts = child(stbl, "stts");
  if (!stts) return 0;
  Reader r(stts->body);
  if (!r.has(4, 4)) return 0;
  std::uint64_t entries = r.be(4, 4), total = 0;
  for (std::uint64_t i = 0; i < entries && i < 100000; ++i) {
    if (!r.has(8 + i * 8, 8)) return 0;
    total += r.be(8 + i * 8, 4);
  }
  return total;
}

void read_track(std::string_view trak, TimedMediaMeta& meta) {
  auto mdia = child(trak, "mdia");
  if (!mdia) return;
  auto hdlr = child(mdia->body, "hdlr");
  if (!hdlr || hdlr->body.size() < 12) return;
  std::string_view handler = hdlr->body.substr(8, 4);
  if (handler == "soun") {
    meta.has_audio = true;
    return;
  }
  if (handler != "vide" || meta.has_video) return;
  auto tkhd = child(trak, "tkhd");
  if (!tkhd) return;
  Reader r(tkhd->body);
  // Version 1 widens the times: the matrix and the size move 12 bytes further.
  std::size_t matrix = r.has(0, 1) && r.be(0, 1) == 1 ? 52 : 40;
  if (!r.has(matrix, 44)) return;
  meta.has_video = true;
  int width = static_cast<int>(r.be(matrix + 36, 4) >> 16);
  int height = static_cast<int>(r.be(matrix + 40, 4) >> 16);
  // A quarter turn (the matrix's a = 0, b = ±1, as phones record portrait video) swaps them.
  auto a = static_cast<std::int32_t>(r.be(matrix, 4));
  auto b = static_cast<std::int32_t>(r.be(matrix + 4, 4));
  if (a == 0 && std::abs(b) == 0x10000) std::swap(width, height);
  meta.width = width;
  meta.height = height;
  auto mdhd = child(mdia->body, "mdhd");
  auto minf = child(mdia->body, "minf");
  std::uint64_t timescale = 0, duration = 0;
  if (mdhd && minf && read_times(mdhd->body, timescale, duration) && duration > 0) {
    if (auto stbl = child(minf->body, "stbl")) {
      auto frames = sample_count(stbl->body);
      meta.frame_rate = static_cast<double>(frames) * static_cast<double>(timescale) /
                        static_cast<double>(duration);
    }
  }
}

}  // namespace

std::optional<TimedMediaMeta> read_iso_media_meta(std::string_view bytes) {
  auto moov = child(bytes, "moov");
  if (!moov) return std::nullopt;
  auto mvhd = child(moov->body, "mvhd");
  std::uint64_t timescale = 0, duration = 0;
  if (!mvhd || !read_times(mvhd->body, timescale, duration)) return std::nullopt;
  TimedMediaMeta meta;
  meta.duration = static_cast<double>(duration) / static_cast<double>(timescale);
  for_each_box(moov->body, [&](const Box& b) {
    if (b.type == "trak") read_track(b.body, meta);
  });
  if (!meta.has_video && !meta.has_audio) return std::nullopt;
  return meta;
}

}  // namespace lox::media
