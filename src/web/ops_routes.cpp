#include <loxodon/web/ops_routes.hpp>
#include <loxodon/web/static_assets.hpp>

namespace lox::web {

void add_ops_routes(http::Router& router, services::HealthService& health) {
  router.add("GET", "/health", [&health](http::Request&) -> awaitable<http::Response> {
    if (co_await health.database_ok()) {
      auto res = http::Response::text(200, "OK", "text/plain; charset=utf-8");
      res.set_header("Cache-Control", "no-store");
      co_return res;
    }
    auto res = http::Response::error(503, "Database unavailable");
    res.set_header("Cache-Control", "no-store");
    co_return res;
  });
  // The default instance thumbnail, and the images of accounts without avatar or header (the
  // paths Mastodon uses, which clients recognise as "missing").
  for (const char* path :
       {"/thumbnail.png", "/avatars/original/missing.png", "/headers/original/missing.png"}) {
    router.add("GET", path, [](http::Request&) -> awaitable<http::Response> {
      auto res = http::Response::text(200, std::string(default_thumbnail_png()), "image/png");
      res.set_header("Cache-Control", "public, max-age=86400");
      co_return res;
    });
  }
}

}  // namespace lox::web
