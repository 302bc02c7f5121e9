#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/services/media/media_service.hpp>

namespace lox::api::mastodon {

// Media uploads (v1 processes before answering, v2 answers 202 and processes in a job),
// descriptions and focus, deletion, and the files themselves under /system/media/ (served so
// that a browser can never run one: exact types, nosniff, a sandboxing CSP). The routes are
// listed in media_module.cpp; each handler lives in a file of its own.
class MediaModule {
 public:
  MediaModule(const config::Config& config, services::MediaService& media);
  void add_routes(Endpoints& endpoints, http::Router& router);

 private:
  awaitable<http::Response> upload(Call& call);
  awaitable<http::Response> upload_v1(Call& call);
  awaitable<http::Response> show(Call& call);
  awaitable<http::Response> describe(Call& call);
  awaitable<http::Response> destroy(Call& call);
  awaitable<http::Response> file(const http::Request& request);

  const config::Config& config_;
  services::MediaService& media_;
};

}  // namespace lox::api::mastodon
