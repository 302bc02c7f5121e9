#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/statuses/tag_service.hpp>

namespace lox::api::mastodon {

// Hashtags: view one, follow and unfollow, the followed list, featured tags on profiles. The
// routes are listed in tags_module.cpp; each handler lives in a file of its own.
class TagsModule {
 public:
  TagsModule(const config::Config& config, services::TagService& tags);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> show(Call& call);
  awaitable<http::Response> follow(Call& call);
  awaitable<http::Response> unfollow(Call& call);
  awaitable<http::Response> followed(Call& call);
  awaitable<http::Response> featured(Call& call);
  awaitable<http::Response> featured_of_account(Call& call);
  awaitable<http::Response> feature(Call& call);
  awaitable<http::Response> unfeature(Call& call);
  awaitable<http::Response> feature_suggestions(Call& call);

  const config::Config& config_;
  services::TagService& tags_;
};

}  // namespace lox::api::mastodon
