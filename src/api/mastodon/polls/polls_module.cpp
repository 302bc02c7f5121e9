#include <loxodon/api/mastodon/polls/polls_module.hpp>

namespace lox::api::mastodon {

PollsModule::PollsModule(const config::Config& config, services::PollService& polls)
    : config_(config), polls_(polls) {}

void PollsModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/polls/:id", Access::kPublic, {"read:statuses"}},
        [this](Call& c) { return get(c); });
  e.add({"POST", "/api/v1/polls/:id/votes", Access::kUser, {"write:statuses"}},
        [this](Call& c) { return vote(c); });
}

}  // namespace lox::api::mastodon
