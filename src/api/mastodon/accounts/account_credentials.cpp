#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/accounts/profile_update_params.hpp"

#include <loxodon/api/mastodon/accounts/accounts_module.hpp>

#include <array>

namespace lox::api::mastodon {

// The signed-in account, with its source (privacy, note as written, fields).
awaitable<http::Response> AccountsModule::verify_credentials(Call& call) {
  auto fresh = co_await accounts_.user(call.user().user.id);
  co_return http::Response::json(200, credential_account_json(config_, fresh));
}

awaitable<http::Response> AccountsModule::update_credentials(Call& call) {
  services::ProfileUpdate u = profile_update_from(call.params);
  // Pictures first: one that cannot be used refuses the request before the profile changes.
  const std::array<bool, 2> pictures{false, true};  // avatar, header (a named array: GCC 12)
  for (bool header : pictures) {
    if (const auto* file = call.params.file(header ? "header" : "avatar")) {
      co_await media_.set_profile_image(call.user().account.id, header, file->content.to_string());
    }
  }
  auto updated = co_await accounts_.update_profile(call.user().user.id, u);
  co_return http::Response::json(200, credential_account_json(config_, updated));
}

}  // namespace lox::api::mastodon
