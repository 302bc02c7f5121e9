#include "api/mastodon/media_file_route.hpp"

#include <loxodon/util/crypto.hpp>
#include <loxodon/util/time_format.hpp>

#include <charconv>
#include <memory>
#include <optional>
#include <variant>

namespace lox::api::mastodon {

namespace {

const char* type_of_extension(std::string_view ext) {
  static constexpr std::pair<std::string_view, const char*> kTypes[] = {
      {"jpg", "image/jpeg"},  {"png", "image/png"},       {"gif", "image/gif"},
      {"webp", "image/webp"}, {"avif", "image/avif"},     {"heic", "image/heic"},
      {"mp4", "video/mp4"},   {"mov", "video/quicktime"}, {"webm", "video/webm"},
      {"ogg", "audio/ogg"},   {"mp3", "audio/mpeg"},      {"wav", "audio/wave"},
      {"flac", "audio/flac"}, {"m4a", "audio/mp4"}};
  for (const auto& [e, type] : kTypes) {
    if (e == ext) return type;
  }
  return nullptr;
}

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

}  // namespace

awaitable<http::Response> serve_media_file(services::MediaService& media,
                                           const http::Request& request) {
  std::string key;
  for (const char* part : {"a", "b", "id"}) {
    key += std::string(request.path_param(part).value_or("")) + "/";
  }
  std::string file(request.path_param("file").value_or(""));
  auto dot = file.rfind('.');
  std::string stem = dot == std::string::npos ? "" : file.substr(0, dot);
  const char* type = dot == std::string::npos ? nullptr : type_of_extension(file.substr(dot + 1));
  bool variant = stem == "original" || stem == "small" || stem == "avatar" || stem == "header" ||
                 stem == "emoji" || stem == "emoji-static";
  if (!variant || type == nullptr) co_return http::Response::error(404, "Record not found");
  key += file;
  auto info = co_await media.file_info(key);
  if (!info) co_return http::Response::error(404, "Record not found");

  // Files never change under a key (a new upload gets a new key).
  const std::string etag = "\"" + sha256_hex(key).substr(0, 32) + "\"";
  http::Response res;
  res.set_header("ETag", etag);
  res.set_header("Last-Modified", format_http_date(info->modified));
  res.set_header("Cache-Control", "public, max-age=31536000, immutable");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
  res.set_header("Accept-Ranges", "bytes");
  res.set_header("Content-Type", type);
  // If-None-Match decides when present; otherwise If-Modified-Since, which an immutable file
  // always satisfies once it exists.
  if (auto none_match = request.header("If-None-Match")) {
    if (none_match_hits(*none_match, etag)) {
      res.status = 304;
      co_return res;
    }
  } else if (request.header("If-Modified-Since")) {
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
  // Opened once; the server reads it a block at a time as it sends it.
  auto opened = co_await media.open_file(key);
  if (!opened) co_return http::Response::error(404, "Record not found");
  res.status = 200;
  if (const auto* bytes = std::get_if<ByteRange>(&range)) {
    *opened = opened->slice(bytes->first, bytes->last - bytes->first + 1);
    res.status = 206;
    res.set_header("Content-Range", "bytes " + std::to_string(bytes->first) + "-" +
                                        std::to_string(bytes->last) + "/" +
                                        std::to_string(info->size));
  }
  res.streamed = std::make_shared<http::StreamedBody>();
  res.streamed->length = opened->size();
  res.streamed->read = [&media, part = *opened](std::uint64_t offset, std::size_t length) {
    return media.read_file_part(part, offset, length);
  };
  co_return res;
}

}  // namespace lox::api::mastodon
