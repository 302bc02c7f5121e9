#include <loxodon/api/mastodon/accounts/accounts_module.hpp>
#include <loxodon/util/error.hpp>

namespace lox::api::mastodon {

// Registration through an app (Mastodon's POST /api/v1/accounts): the new account's token.
awaitable<http::Response> AccountsModule::create(Call& call) {
  if (!call.caller->token.application_id) {
    throw Error(ErrorCode::kForbidden, "This action is not allowed");
  }
  services::RegistrationRequest r;
  r.username = call.params.string_or("username", "");
  r.email = call.params.string_or("email", "");
  r.password = call.params.string_or("password", "");
  r.agreement = call.params.boolean("agreement").value_or(false);
  r.locale = call.params.string("locale");
  r.reason = call.params.string("reason");
  r.invite_code = call.params.string("invite_code");
  r.ip = call.request.remote_address;
  auto created = co_await accounts_.register_account(r);
  auto token =
      co_await auth_.token_for_new_account(*call.caller->token.application_id, created.user.id);
  co_return http::Response::json(
      200, {{"access_token", token.access_token},
            {"token_type", "Bearer"},
            {"scope", token.scopes},
            {"created_at",
             std::chrono::duration_cast<std::chrono::seconds>(token.created_at.time_since_epoch())
                 .count()}});
}

}  // namespace lox::api::mastodon
