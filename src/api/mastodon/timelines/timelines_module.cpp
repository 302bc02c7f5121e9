#include <loxodon/api/mastodon/timelines/timelines_module.hpp>

namespace lox::api::mastodon {

TimelinesModule::TimelinesModule(const config::Config& config, services::TimelineService& timelines,
                                 services::ListService& lists)
    : config_(config), timelines_(timelines), lists_(lists) {}

void TimelinesModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/timelines/home", Access::kUser, {"read:statuses"}},
        [this](Call& c) { return home(c); });
  e.add({"GET", "/api/v1/timelines/public", Access::kPublic, {"read:statuses"}, true},
        [this](Call& c) { return public_timeline(c); });
  e.add({"GET", "/api/v1/timelines/tag/:hashtag", Access::kPublic, {"read:statuses"}, true},
        [this](Call& c) { return tag(c); });
  e.add({"GET", "/api/v1/timelines/list/:id", Access::kUser, {"read:lists"}},
        [this](Call& c) { return list(c); });
}

}  // namespace lox::api::mastodon
