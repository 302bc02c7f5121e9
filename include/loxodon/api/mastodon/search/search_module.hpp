#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/search/search_service.hpp>

namespace lox::api::mastodon {

// /api/v2/search: accounts, hashtags and statuses matching a query. The route is listed in
// search_module.cpp; its handler lives in a file of its own.
class SearchModule {
 public:
  SearchModule(const config::Config& config, services::SearchService& search);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> get(Call& call);

  const config::Config& config_;
  services::SearchService& search_;
};

}  // namespace lox::api::mastodon
