#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/timelines/timeline_service.hpp>

namespace lox::api::mastodon {

// /api/v1/bookmarks: the statuses the user has bookmarked, most recently bookmarked first. The
// route is listed in bookmarks_module.cpp; its handler lives in a file of its own.
class BookmarksModule {
 public:
  BookmarksModule(const config::Config& config, services::TimelineService& timelines);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> list(Call& call);

  const config::Config& config_;
  services::TimelineService& timelines_;
};

}  // namespace lox::api::mastodon
