#include "api/mastodon/media_file_route.hpp"
#include "api/mastodon/media_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/media_api.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>

#include <charconv>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1MediaIdPath[] = "/api/v1/media/:id";

}  // namespace

using nlohmann::json;

namespace {

// Room for the multipart envelope and the other fields around the largest file allowed.
constexpr std::size_t kMultipartOverhead = 1024 * 1024;

services::MediaUpload upload_of(Call& c) {
  services::MediaUpload upload;
  if (const auto* file = c.params.file("file")) upload.bytes = file->content;
  upload.description = c.params.string_or("description", "");
  upload.focus = c.params.string("focus");
  return upload;
}

}  // namespace

MediaApi::MediaApi(const config::Config& config, services::MediaService& media)
    : config_(config), media_(media) {}

void MediaApi::add_routes(Endpoints& e, http::Router& router) {
  http::RouteOptions big_body;
  big_body.max_body_bytes =
      config_.instance.max_upload_megabytes * 1024 * 1024 + kMultipartOverhead;
  big_body.spool_large_body = true;
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
  e.add({"GET", kV1MediaIdPath, Access::kUser, {"write:media"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto row = co_await media_.get(c.user().account.id, id);
          if (row.state == 2) {
            throw Error(ErrorCode::kUnprocessable, "Error processing thumbnail for uploaded media");
          }
          // 206 while processing, as Mastodon answers.
          co_return http::Response::json(row.state == 1 ? 200 : 206, media_json(config_, row));
        });
  e.add({"PUT", kV1MediaIdPath, Access::kUser, {"write:media"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto row = co_await media_.describe(
              c.user().account.id, id, c.params.string("description"), c.params.string("focus"));
          co_return http::Response::json(row.state == 1 ? 200 : 206, media_json(config_, row));
        });
  e.add({"DELETE", kV1MediaIdPath, Access::kUser, {"write:media"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_await media_.remove(c.user().account.id, id);
          co_return http::Response::json_text(200, "{}");
        });

  router.add("GET", "/system/media/:a/:b/:id/:file",
             [this](http::Request& request) { return serve_media_file(media_, request); });
}

}  // namespace lox::api::mastodon
