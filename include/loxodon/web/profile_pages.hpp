#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/http/request.hpp>
#include <loxodon/http/response.hpp>
#include <loxodon/services/accounts/account_service.hpp>
#include <loxodon/services/statuses/status_reader.hpp>
#include <loxodon/services/timelines/timeline_service.hpp>
#include <loxodon/util/asio.hpp>

namespace lox::web {

// The public HTML of a local account (/@username: its profile and latest public posts) and of
// one of its posts (/@username/:id), as browsers see them: what the profile links in posts and
// on other servers point to. A member with a plan's customization gets their accent colour
// and theme here. ActorApi hands these paths over when the request does not ask for
// ActivityPub.
class ProfilePages {
 public:
  static constexpr int kPostsShown = 20;

  ProfilePages(const config::Config& config, services::AccountService& accounts,
               services::StatusReader& statuses, services::TimelineService& timelines);

  awaitable<http::Response> render(http::Request& request, bool status_page);

 private:
  // One post of the account, as a signed-out visitor may see it.
  awaitable<http::Response> post_page(http::Request& request, const domain::Account& account,
                                      const std::string& style);
  // The profile head and the latest public posts.
  awaitable<http::Response> profile_page(const domain::Account& account, const std::string& style);

  const config::Config& config_;
  services::AccountService& accounts_;
  services::StatusReader& statuses_;
  services::TimelineService& timelines_;
};

}  // namespace lox::web
