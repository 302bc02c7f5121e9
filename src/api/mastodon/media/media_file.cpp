#include "api/mastodon/media/media_file_request.hpp"

#include <loxodon/api/mastodon/media/media_module.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/time_format.hpp>

#include <charconv>
#include <memory>
#include <optional>
#include <variant>

namespace lox::api::mastodon {

namespace {

struct WholeFile {};      // no Range, or one we do not serve (several ranges, bad syntax)
struct Unsatisfiable {};  // 416
struct ByteRange {
  std::uint64_t first, last;
};
using RangeRequest = std::variant<WholeFile, Unsatisfiable, ByteRange>;

// bytes=a-b, bytes=a-, bytes=-n within `size` (RFC 9110 §14.1.2); a Range header we cannot use
// is ignored, as the RFC allows, and the whole file is sent.
RangeRequest parse_range(std::string_view header, std::uint64_t size) {
  if (!header.starts_with("bytes=")) return WholeFile{};
  header.remove_prefix(6);
  auto dash = header.find('-');
  if (dash == std::string_view::npos || header.find(',') != std::string_view::npos) {
    return WholeFile{};
  }
  auto number = [](std::string_view text) -> std::optional<std::uint64_t> {
    std::uint64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc{} || p != text.data() + text.size()) return std::nullopt;
    return v;
  };
  auto first = number(header.substr(0, dash));
  auto last = number(header.substr(dash + 1));
  if (!first && !last) return WholeFile{};
  if (!first) {  // the last n bytes
    if (*last == 0 || size == 0) return Unsatisfiable{};
    return ByteRange{size - std::min(*last, size), size - 1};
  }
  if (last && *last < *first) return WholeFile{};
  if (*first >= size) return Unsatisfiable{};
  return ByteRange{*first, last ? std::min(*last, size - 1) : size - 1};
}

// If-None-Match: "*", or a list of entity tags, weak ones compared weakly (RFC 9110 §13.1.2).
bool none_match_hits(std::string_view header, std::string_view etag) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t comma = header.find(',', pos);
    std::string_view tag =
        header.substr(pos, comma == std::string_view::npos ? comma : comma - pos);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag == "*") return true;
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return false;
}

// If-None-Match decides when present; otherwise If-Modified-Since, which an immutable file
// always satisfies once it exists.
bool not_modified(const http::Request& request, std::string_view etag) {
  if (auto none_match = request.header("If-None-Match")) return none_match_hits(*none_match, etag);
  return request.header("If-Modified-Since").has_value();
}

// Files never change under a key (a new upload gets a new key), so they are cached for good.
http::Response file_headers(const std::string& etag, const media::MediaFileInfo& info,
                            const char* type) {
  http::Response res;
  res.set_header("ETag", etag);
  res.set_header("Last-Modified", format_http_date(info.modified));
  res.set_header("Cache-Control", "public, max-age=31536000, immutable");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
  res.set_header("Accept-Ranges", "bytes");
  res.set_header("Content-Type", type);
  return res;
}

}  // namespace

// A processed media file (never an upload as it came in). Conditional requests and ranges are
// answered from the file's size and time: a 304 reads nothing and a range reads only its bytes.
awaitable<http::Response> MediaModule::file(const http::Request& request) {
  auto wanted = media_file_request_from(request);
  if (!wanted) co_return http::Response::error(404, "Record not found");
  auto info = co_await media_.file_info(wanted->key);
  if (!info) co_return http::Response::error(404, "Record not found");
  const std::string etag = "\"" + sha256_hex(wanted->key).substr(0, 32) + "\"";
  http::Response res = file_headers(etag, *info, wanted->type);
  if (not_modified(request, etag)) {
    res.status = 304;
    co_return res;
  }
  RangeRequest range = WholeFile{};
  if (auto range_header = request.header("Range")) range = parse_range(*range_header, info->size);
  if (std::holds_alternative<Unsatisfiable>(range)) {
    res.status = 416;
    res.set_header("Content-Range", "bytes */" + std::to_string(info->size));
    co_return res;
  }
  // Opened once (a range: only its bytes, which is all a bucket sends); the server reads it a
  // block at a time as it sends it.
  const auto* bytes = std::get_if<ByteRange>(&range);
  std::optional<ByteSource> opened;
  if (bytes) {
    opened =
        co_await media_.open_file_part(wanted->key, bytes->first, bytes->last - bytes->first + 1);
  } else {
    opened = co_await media_.open_file(wanted->key);
  }
  if (!opened) co_return http::Response::error(404, "Record not found");
  res.status = 200;
  if (bytes) {
    res.status = 206;
    res.set_header("Content-Range", "bytes " + std::to_string(bytes->first) + "-" +
                                        std::to_string(bytes->last) + "/" +
                                        std::to_string(info->size));
  }
  res.streamed = std::make_shared<http::StreamedBody>();
  res.streamed->length = opened->size();
  res.streamed->read = [&media = media_, part = *opened](std::uint64_t offset, std::size_t length) {
    return media.read_file_part(part, offset, length);
  };
  co_return res;
}

}  // namespace lox::api::mastodon
