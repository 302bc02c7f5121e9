#include <loxodon/api/mastodon/lists/lists_module.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1ListsPath[] = "/api/v1/lists";
constexpr char kV1ListsIdPath[] = "/api/v1/lists/:id";
constexpr char kV1ListsIdAccountsPath[] = "/api/v1/lists/:id/accounts";

}  // namespace

ListsModule::ListsModule(const config::Config& config, services::ListService& lists)
    : config_(config), lists_(lists) {}

void ListsModule::add_routes(Endpoints& e) {
  e.add({"GET", kV1ListsPath, Access::kUser, {"read:lists"}}, [this](Call& c) { return list(c); });
  e.add({"POST", kV1ListsPath, Access::kUser, {"write:lists"}},
        [this](Call& c) { return create(c); });
  e.add({"GET", kV1ListsIdPath, Access::kUser, {"read:lists"}}, [this](Call& c) { return get(c); });
  e.add({"PUT", kV1ListsIdPath, Access::kUser, {"write:lists"}},
        [this](Call& c) { return update(c); });
  e.add({"DELETE", kV1ListsIdPath, Access::kUser, {"write:lists"}},
        [this](Call& c) { return remove(c); });
  e.add({"GET", kV1ListsIdAccountsPath, Access::kUser, {"read:lists"}},
        [this](Call& c) { return accounts(c); });
  e.add({"POST", kV1ListsIdAccountsPath, Access::kUser, {"write:lists"}},
        [this](Call& c) { return add_accounts(c); });
  e.add({"DELETE", kV1ListsIdAccountsPath, Access::kUser, {"write:lists"}},
        [this](Call& c) { return remove_accounts(c); });
  e.add({"GET", "/api/v1/accounts/:id/lists", Access::kUser, {"read:lists"}},
        [this](Call& c) { return containing(c); });
}

}  // namespace lox::api::mastodon
