#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/services/accounts/filter_service.hpp>

namespace lox::api::mastodon {

// Filters v2 (filters, keywords, statuses) and the deprecated v1 filters as a view of them.
class FiltersApi {
 public:
  explicit FiltersApi(services::FilterService& filters);
  void add_routes(Endpoints& endpoints);

 private:
  void add_v1_routes(Endpoints& endpoints);

  services::FilterService& filters_;
};

}  // namespace lox::api::mastodon
