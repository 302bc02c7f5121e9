#include <loxodon/api/mastodon/preferences/preferences_module.hpp>

namespace lox::api::mastodon {

PreferencesModule::PreferencesModule(services::AccountService& accounts) : accounts_(accounts) {}

void PreferencesModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/preferences", Access::kUser, {"read:accounts"}},
        [this](Call& c) { return get(c); });
}

}  // namespace lox::api::mastodon
