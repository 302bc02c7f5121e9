#include "api/mastodon/media_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/media_api.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>

#include <charconv>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {

// Big enough for a 99 MB video in a multipart body.
// Room for the multipart envelope and the other fields around the largest file allowed.
constexpr std::size_t kMultipartOverhead = 1024 * 1024;

services::MediaUpload upload_of(Call& c) {
  services::MediaUpload upload;
  if (const auto* file = c.params.file("file")) upload.bytes = file->data;
  upload.description = c.params.string_or("description", "");
  upload.focus = c.params.string("focus");
  return upload;
}

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

// bytes=a-b, bytes=a-, bytes=-n within `size`; nullopt when absent or unusable.
std::optional<std::pair<std::size_t, std::size_t>> parse_range(std::string_view header,
                                                               std::size_t size) {
  if (!header.starts_with("bytes=") || size == 0) return std::nullopt;
  header.remove_prefix(6);
  auto dash = header.find('-');
  if (dash == std::string_view::npos || header.find(',') != std::string_view::npos)
    return std::nullopt;
  auto number = [](std::string_view text) -> std::optional<std::size_t> {
    std::size_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc{} || p != text.data() + text.size()) return std::nullopt;
    return v;
  };
  auto first = number(header.substr(0, dash));
  auto last = number(header.substr(dash + 1));
  if (!first && last) {  // the last n bytes
    if (*last == 0) return std::nullopt;
    return std::make_pair(size - std::min(*last, size), size - 1);
  }
  if (!first || *first >= size) return std::nullopt;
  std::size_t end = last ? std::min(*last, size - 1) : size - 1;
  if (end < *first) return std::nullopt;
  return std::make_pair(*first, end);
}

}  // namespace

MediaApi::MediaApi(const config::Config& config, services::MediaService& media)
    : config_(config), media_(media) {}

void MediaApi::add_routes(Endpoints& e, http::Router& router) {
  http::RouteOptions big_body;
  big_body.max_body_bytes =
      config_.instance.max_upload_megabytes * 1024 * 1024 + kMultipartOverhead;
  e.add(
      {"POST", "/api/v2/media", Access::kUser, {"write:media"}},
      [this](Call& c) -> awaitable<http::Response> {
        auto row = co_await media_.upload(c.user().account.id, upload_of(c));
        // 202: processing goes on in a job; the client polls GET /api/v1/media/:id.
        co_return http::Response::json(202, media_json(config_, row));
      },
      big_body);
  e.add(
      {"POST", "/api/v1/media", Access::kUser, {"write:media"}},
      [this](Call& c) -> awaitable<http::Response> {
        auto row = co_await media_.upload_and_process(c.user().account.id, upload_of(c));
        co_return http::Response::json(200, media_json(config_, row));
      },
      big_body);
  e.add({"GET", "/api/v1/media/:id", Access::kUser, {"write:media"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto row = co_await media_.get(c.user().account.id, id);
          if (row.state == 2) {
            throw Error(ErrorCode::kUnprocessable, "Error processing thumbnail for uploaded media");
          }
          // 206 while processing, as Mastodon answers.
          co_return http::Response::json(row.state == 1 ? 200 : 206, media_json(config_, row));
        });
  e.add({"PUT", "/api/v1/media/:id", Access::kUser, {"write:media"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto row = co_await media_.describe(
              c.user().account.id, id, c.params.string("description"), c.params.string("focus"));
          co_return http::Response::json(row.state == 1 ? 200 : 206, media_json(config_, row));
        });
  e.add({"DELETE", "/api/v1/media/:id", Access::kUser, {"write:media"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_await media_.remove(c.user().account.id, id);
          co_return http::Response::json_text(200, "{}");
        });

  router.add("GET", "/system/media/:a/:b/:id/:file",
             [this](http::Request& request) -> awaitable<http::Response> {
               std::string key;
               for (const char* part : {"a", "b", "id"}) {
                 key += std::string(request.path_param(part).value_or("")) + "/";
               }
               std::string file(request.path_param("file").value_or(""));
               // Only processed variants are served, never an upload as it came in.
               auto dot = file.rfind('.');
               std::string stem = dot == std::string::npos ? "" : file.substr(0, dot);
               const char* type =
                   dot == std::string::npos ? nullptr : type_of_extension(file.substr(dot + 1));
               bool variant = stem == "original" || stem == "small" || stem == "avatar" ||
                              stem == "header" || stem == "emoji" || stem == "emoji-static";
               if (!variant || type == nullptr) {
                 co_return http::Response::error(404, "Record not found");
               }
               key += file;
               auto bytes = co_await media_.read_file(key);
               if (!bytes) co_return http::Response::error(404, "Record not found");
               // Files never change under a key (a new upload gets a new key).
               std::string etag = "\"" + sha256_hex(key).substr(0, 32) + "\"";
               http::Response res;
               res.set_header("ETag", etag);
               res.set_header("Cache-Control", "public, max-age=31536000, immutable");
               res.set_header("X-Content-Type-Options", "nosniff");
               res.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
               res.set_header("Accept-Ranges", "bytes");
               res.set_header("Content-Type", type);
               if (request.header("If-None-Match").value_or("") == etag) {
                 res.status = 304;
                 co_return res;
               }
               res.status = 200;
               if (auto range_header = request.header("Range")) {
                 auto range = parse_range(*range_header, bytes->size());
                 if (!range) {
                   res.status = 416;
                   res.set_header("Content-Range", "bytes */" + std::to_string(bytes->size()));
                   co_return res;
                 }
                 res.status = 206;
                 res.set_header("Content-Range", "bytes " + std::to_string(range->first) + "-" +
                                                     std::to_string(range->second) + "/" +
                                                     std::to_string(bytes->size()));
                 res.body = bytes->substr(range->first, range->second - range->first + 1);
                 co_return res;
               }
               res.body = std::move(*bytes);
               co_return res;
             });
}

}  // namespace lox::api::mastodon
