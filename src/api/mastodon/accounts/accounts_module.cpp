#include <loxodon/api/mastodon/accounts/accounts_module.hpp>

namespace lox::api::mastodon {

AccountsModule::AccountsModule(const config::Config& config, services::AccountService& accounts,
                               services::AuthService& auth,
                               services::RelationshipService& relationships,
                               services::MediaService& media, services::TimelineService& timelines)
    : config_(config),
      accounts_(accounts),
      auth_(auth),
      relationships_(relationships),
      media_(media),
      timelines_(timelines) {}

// data table: the routes of the accounts resource.
void AccountsModule::add_routes(Endpoints& e) {
  e.add({"POST", "/api/v1/accounts", Access::kApp, {"write:accounts"}},
        [this](Call& c) { return create(c); });
  e.add({"GET", "/api/v1/accounts/verify_credentials", Access::kUser, {"read:accounts", "profile"}},
        [this](Call& c) { return verify_credentials(c); });
  http::RouteOptions with_images;  // avatar and header uploads, up to 8 MB each
  with_images.max_body_bytes = 2 * services::MediaService::kMaxProfileImageBytes + 1024 * 1024;
  with_images.spool_large_body = true;
  e.add(
      {"PATCH", "/api/v1/accounts/update_credentials", Access::kUser, {"write:accounts"}},
      [this](Call& c) { return update_credentials(c); }, with_images);
  e.add({"GET", "/api/v1/accounts/lookup", Access::kPublic, {"read:accounts"}},
        [this](Call& c) { return lookup(c); });
  e.add({"GET", "/api/v1/accounts/relationships", Access::kUser, {"read:follows"}},
        [this](Call& c) { return relationships(c); });
  e.add({"GET", "/api/v1/accounts/familiar_followers", Access::kUser, {"read:follows"}},
        [this](Call& c) { return familiar_followers(c); });
  e.add({"GET", "/api/v1/accounts/:id", Access::kPublic, {"read:accounts"}},
        [this](Call& c) { return show(c); });
  e.add({"GET", "/api/v1/accounts/:id/followers", Access::kPublic, {"read:accounts"}},
        [this](Call& c) { return followers(c); });
  e.add({"GET", "/api/v1/accounts/:id/following", Access::kPublic, {"read:accounts"}},
        [this](Call& c) { return following(c); });
  e.add({"GET", "/api/v1/accounts/:id/statuses", Access::kPublic, {"read:statuses"}},
        [this](Call& c) { return statuses(c); });
  e.add({"POST", "/api/v1/accounts/:id/follow", Access::kUser, {"write:follows"}},
        [this](Call& c) { return follow(c); });
  e.add({"POST", "/api/v1/accounts/:id/unfollow", Access::kUser, {"write:follows"}},
        [this](Call& c) { return unfollow(c); });
  e.add({"POST", "/api/v1/accounts/:id/block", Access::kUser, {"write:blocks"}},
        [this](Call& c) { return block(c); });
  e.add({"POST", "/api/v1/accounts/:id/unblock", Access::kUser, {"write:blocks"}},
        [this](Call& c) { return unblock(c); });
  e.add({"POST", "/api/v1/accounts/:id/mute", Access::kUser, {"write:mutes"}},
        [this](Call& c) { return mute(c); });
  e.add({"POST", "/api/v1/accounts/:id/unmute", Access::kUser, {"write:mutes"}},
        [this](Call& c) { return unmute(c); });
  e.add({"POST", "/api/v1/accounts/:id/pin", Access::kUser, {"write:accounts"}},
        [this](Call& c) { return pin(c); });
  e.add({"POST", "/api/v1/accounts/:id/unpin", Access::kUser, {"write:accounts"}},
        [this](Call& c) { return unpin(c); });
}

}  // namespace lox::api::mastodon
