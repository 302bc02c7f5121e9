#include <loxodon/api/mastodon/bookmarks/bookmarks_module.hpp>

namespace lox::api::mastodon {

BookmarksModule::BookmarksModule(const config::Config& config, services::TimelineService& timelines)
    : config_(config), timelines_(timelines) {}

void BookmarksModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/bookmarks", Access::kUser, {"read:bookmarks"}},
        [this](Call& c) { return list(c); });
}

}  // namespace lox::api::mastodon
