#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/accounts/accounts_module.hpp>

namespace lox::api::mastodon {

namespace {
// reblogs, notify and languages (languages[]=… or languages=…; given empty, all languages).
domain::FollowOptions follow_options_from(const http::Params& p) {
  domain::FollowOptions options;
  options.reblogs = p.boolean("reblogs").value_or(true);
  options.notify = p.boolean("notify").value_or(false);
  auto languages = p.list("languages[]");
  for (auto& l : p.list("languages")) languages.push_back(l);
  if (p.has("languages[]") || p.has("languages")) options.languages = languages;
  return options;
}
}  // namespace

// Follows (or asks to, for a locked or remote account), or changes the options of a follow.
awaitable<http::Response> AccountsModule::follow(Call& call) {
  auto rel = co_await relationships_.follow(call.user().account.id, path_id(call.request),
                                            follow_options_from(call.params));
  co_return http::Response::json(200, relationship_json(rel));
}

awaitable<http::Response> AccountsModule::unfollow(Call& call) {
  auto rel = co_await relationships_.unfollow(call.user().account.id, path_id(call.request));
  co_return http::Response::json(200, relationship_json(rel));
}

}  // namespace lox::api::mastodon
