#include <loxodon/api/mastodon/statuses/statuses_module.hpp>

namespace lox::api::mastodon {

namespace {
// Paths registered for more than one method, written out once.
constexpr char kV1StatusesPath[] = "/api/v1/statuses";
constexpr char kV1StatusesIdPath[] = "/api/v1/statuses/:id";
}  // namespace

StatusesModule::StatusesModule(const config::Config& config, services::StatusService& statuses,
                               services::StatusReader& reader,
                               services::InteractionService& interactions,
                               services::ScheduledStatusService& scheduled)
    : config_(config),
      statuses_(statuses),
      reader_(reader),
      interactions_(interactions),
      scheduled_(scheduled) {}

// data table: the routes of the statuses resource.
void StatusesModule::add_routes(Endpoints& e) {
  e.add({"POST", kV1StatusesPath, Access::kUser, {"write:statuses"}},
        [this](Call& c) { return create(c); });
  e.add({"GET", kV1StatusesPath, Access::kPublic, {"read:statuses"}},
        [this](Call& c) { return show_many(c); });
  e.add({"GET", kV1StatusesIdPath, Access::kPublic, {"read:statuses"}},
        [this](Call& c) { return show(c); });
  e.add({"PUT", kV1StatusesIdPath, Access::kUser, {"write:statuses"}},
        [this](Call& c) { return edit(c); });
  e.add({"DELETE", kV1StatusesIdPath, Access::kUser, {"write:statuses"}},
        [this](Call& c) { return destroy(c); });
  e.add({"GET", "/api/v1/statuses/:id/context", Access::kPublic, {"read:statuses"}},
        [this](Call& c) { return context(c); });
  e.add({"GET", "/api/v1/statuses/:id/history", Access::kPublic, {"read:statuses"}},
        [this](Call& c) { return history(c); });
  e.add({"GET", "/api/v1/statuses/:id/source", Access::kUser, {"read:statuses"}},
        [this](Call& c) { return source(c); });
  e.add({"POST", "/api/v1/statuses/:id/favourite", Access::kUser, {"write:favourites"}},
        [this](Call& c) { return favourite(c); });
  e.add({"POST", "/api/v1/statuses/:id/unfavourite", Access::kUser, {"write:favourites"}},
        [this](Call& c) { return unfavourite(c); });
  e.add({"POST", "/api/v1/statuses/:id/reblog", Access::kUser, {"write:statuses"}},
        [this](Call& c) { return reblog(c); });
  e.add({"POST", "/api/v1/statuses/:id/unreblog", Access::kUser, {"write:statuses"}},
        [this](Call& c) { return unreblog(c); });
  e.add({"POST", "/api/v1/statuses/:id/bookmark", Access::kUser, {"write:bookmarks"}},
        [this](Call& c) { return bookmark(c); });
  e.add({"POST", "/api/v1/statuses/:id/unbookmark", Access::kUser, {"write:bookmarks"}},
        [this](Call& c) { return unbookmark(c); });
  e.add({"POST", "/api/v1/statuses/:id/pin", Access::kUser, {"write:accounts"}},
        [this](Call& c) { return pin(c); });
  e.add({"POST", "/api/v1/statuses/:id/unpin", Access::kUser, {"write:accounts"}},
        [this](Call& c) { return unpin(c); });
  e.add({"POST", "/api/v1/statuses/:id/mute", Access::kUser, {"write:mutes"}},
        [this](Call& c) { return mute(c); });
  e.add({"POST", "/api/v1/statuses/:id/unmute", Access::kUser, {"write:mutes"}},
        [this](Call& c) { return unmute(c); });
  e.add({"GET", "/api/v1/statuses/:id/reblogged_by", Access::kPublic, {"read:accounts"}},
        [this](Call& c) { return reblogged_by(c); });
  e.add({"GET", "/api/v1/statuses/:id/favourited_by", Access::kPublic, {"read:accounts"}},
        [this](Call& c) { return favourited_by(c); });
}

}  // namespace lox::api::mastodon
