#include <loxodon/api/mastodon/media/media_module.hpp>

namespace lox::api::mastodon {

namespace {
// Paths registered for more than one method, written out once.
constexpr char kV1MediaIdPath[] = "/api/v1/media/:id";

// Room for the multipart envelope and the other fields around the largest file allowed.
constexpr std::size_t kMultipartOverhead = 1024 * 1024;
}  // namespace

MediaModule::MediaModule(const config::Config& config, services::MediaService& media)
    : config_(config), media_(media) {}

void MediaModule::add_routes(Endpoints& e, http::Router& router) {
  http::RouteOptions big_body;
  big_body.max_body_bytes =
      config_.instance.max_upload_megabytes * 1024 * 1024 + kMultipartOverhead;
  big_body.spool_large_body = true;
  e.add(
      {"POST", "/api/v2/media", Access::kUser, {"write:media"}},
      [this](Call& c) { return upload(c); }, big_body);
  e.add(
      {"POST", "/api/v1/media", Access::kUser, {"write:media"}},
      [this](Call& c) { return upload_v1(c); }, big_body);
  e.add({"GET", kV1MediaIdPath, Access::kUser, {"write:media"}},
        [this](Call& c) { return show(c); });
  e.add({"PUT", kV1MediaIdPath, Access::kUser, {"write:media"}},
        [this](Call& c) { return describe(c); });
  e.add({"DELETE", kV1MediaIdPath, Access::kUser, {"write:media"}},
        [this](Call& c) { return destroy(c); });

  router.add("GET", "/system/media/:a/:b/:id/:file",
             [this](http::Request& request) { return file(request); });
}

}  // namespace lox::api::mastodon
