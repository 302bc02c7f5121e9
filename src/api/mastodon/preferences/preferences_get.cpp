#include <loxodon/api/mastodon/preferences/preferences_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> PreferencesModule::get(Call& call) {
  auto fresh = co_await accounts_.user(call.user().user.id);
  const auto& u = fresh.user;
  co_return http::Response::json(
      200, {{"posting:default:visibility", u.default_privacy},
            {"posting:default:sensitive", u.default_sensitive},
            {"posting:default:language",
             u.default_language ? nlohmann::json(*u.default_language) : nlohmann::json(nullptr)},
            {"reading:expand:media", "default"},
            {"reading:expand:spoilers", false}});
}

}  // namespace lox::api::mastodon
