#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/accounts/list_service.hpp>

namespace lox::api::mastodon {

// /api/v1/lists: the user's lists and their members, and which lists hold an account. The
// routes are listed in lists_module.cpp; each handler lives in a file of its own. (A list's
// timeline is in the timelines module.)
class ListsModule {
 public:
  ListsModule(const config::Config& config, services::ListService& lists);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> list(Call& call);
  awaitable<http::Response> create(Call& call);
  awaitable<http::Response> get(Call& call);
  awaitable<http::Response> update(Call& call);
  awaitable<http::Response> remove(Call& call);
  awaitable<http::Response> accounts(Call& call);
  awaitable<http::Response> add_accounts(Call& call);
  awaitable<http::Response> remove_accounts(Call& call);
  awaitable<http::Response> containing(Call& call);

  const config::Config& config_;
  services::ListService& lists_;
};

}  // namespace lox::api::mastodon
