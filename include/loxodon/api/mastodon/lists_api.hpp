#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/accounts/list_service.hpp>

namespace lox::api::mastodon {

// Lists (CRUD, members, list timelines) and search v2.
class ListsApi {
 public:
  ListsApi(const config::Config& config, services::ListService& lists);
  void add_routes(Endpoints& endpoints);

 private:
  const config::Config& config_;
  services::ListService& lists_;
};

}  // namespace lox::api::mastodon
