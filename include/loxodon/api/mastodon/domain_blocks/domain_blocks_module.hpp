#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>

namespace lox::api::mastodon {

// /api/v1/domain_blocks: whole servers the user hides. The routes are listed in
// domain_blocks_module.cpp; the handlers live in files of their own.
class DomainBlocksModule {
 public:
  DomainBlocksModule(const config::Config& config, services::RelationshipService& relationships);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> list(Call& call);
  awaitable<http::Response> block(Call& call);
  awaitable<http::Response> unblock(Call& call);

  const config::Config& config_;
  services::RelationshipService& relationships_;
};

}  // namespace lox::api::mastodon
