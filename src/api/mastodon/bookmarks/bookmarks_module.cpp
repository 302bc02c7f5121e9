#include <loxodon/api/mastodon/bookmarks/bookmarks_module.hpp>

namespace lox::api::mastodon {

BookmarksModule::BookmarksModule(const config::Config& config, services::StatusService& statuses)
    : config_(config), statuses_(statuses) {}

void BookmarksModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/bookmarks", Access::kUser, {"read:bookmarks"}},
        [this](Call& c) { return list(c); });
}

}  // namespace lox::api::mastodon
