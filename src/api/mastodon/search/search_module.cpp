#include <loxodon/api/mastodon/search/search_module.hpp>

namespace lox::api::mastodon {

SearchModule::SearchModule(const config::Config& config, services::SearchService& search)
    : config_(config), search_(search) {}

void SearchModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v2/search", Access::kPublic, {"read:search"}},
        [this](Call& c) { return get(c); });
}

}  // namespace lox::api::mastodon
