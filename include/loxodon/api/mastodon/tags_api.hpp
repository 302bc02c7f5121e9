#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/statuses/tag_service.hpp>

namespace lox::api::mastodon {

// Hashtags: view one, follow and unfollow, the followed list, featured tags on profiles.
class TagsApi {
 public:
  TagsApi(const config::Config& config, services::TagService& tags);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> follow_tag(Call& call, bool follow);

  const config::Config& config_;
  services::TagService& tags_;
};

}  // namespace lox::api::mastodon
