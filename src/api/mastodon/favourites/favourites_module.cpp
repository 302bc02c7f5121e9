#include <loxodon/api/mastodon/favourites/favourites_module.hpp>

namespace lox::api::mastodon {

FavouritesModule::FavouritesModule(const config::Config& config,
                                   services::TimelineService& timelines)
    : config_(config), timelines_(timelines) {}

void FavouritesModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/favourites", Access::kUser, {"read:favourites"}},
        [this](Call& c) { return list(c); });
}

}  // namespace lox::api::mastodon
