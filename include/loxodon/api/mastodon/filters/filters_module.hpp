#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/services/accounts/filter_service.hpp>

namespace lox::api::mastodon {

// /api/v2/filters (filters, their keywords and statuses) and the deprecated /api/v1/filters as
// a view of them. The routes are listed in filters_module.cpp; each handler lives in a file of
// its own.
class FiltersModule {
 public:
  explicit FiltersModule(services::FilterService& filters);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> list(Call& call);
  awaitable<http::Response> create(Call& call);
  awaitable<http::Response> get(Call& call);
  awaitable<http::Response> update(Call& call);
  awaitable<http::Response> remove(Call& call);

  awaitable<http::Response> keywords(Call& call);
  awaitable<http::Response> add_keyword(Call& call);
  awaitable<http::Response> keyword(Call& call);
  awaitable<http::Response> update_keyword(Call& call);
  awaitable<http::Response> remove_keyword(Call& call);

  awaitable<http::Response> statuses(Call& call);
  awaitable<http::Response> add_status(Call& call);
  awaitable<http::Response> status(Call& call);
  awaitable<http::Response> remove_status(Call& call);

  awaitable<http::Response> list_v1(Call& call);
  awaitable<http::Response> create_v1(Call& call);
  awaitable<http::Response> get_v1(Call& call);
  awaitable<http::Response> update_v1(Call& call);
  awaitable<http::Response> remove_v1(Call& call);

  services::FilterService& filters_;
};

}  // namespace lox::api::mastodon
