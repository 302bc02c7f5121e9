#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/services/media/media_service.hpp>

namespace lox::api::mastodon {

// Media uploads (v1 processes before answering, v2 answers 202 and processes in a job),
// descriptions and focus, deletion, and the files themselves under /system/media/ (served so
// that a browser can never run one: exact types, nosniff, a sandboxing CSP).
class MediaApi {
 public:
  MediaApi(const config::Config& config, services::MediaService& media);
  void add_routes(Endpoints& endpoints, http::Router& router);

 private:
  const config::Config& config_;
  services::MediaService& media_;
};

}  // namespace lox::api::mastodon
