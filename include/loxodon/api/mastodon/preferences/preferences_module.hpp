#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/services/accounts/account_service.hpp>

namespace lox::api::mastodon {

// /api/v1/preferences: the user's posting and reading defaults, for apps. The route is listed in
// preferences_module.cpp; its handler lives in a file of its own.
class PreferencesModule {
 public:
  explicit PreferencesModule(services::AccountService& accounts);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> get(Call& call);

  services::AccountService& accounts_;
};

}  // namespace lox::api::mastodon
