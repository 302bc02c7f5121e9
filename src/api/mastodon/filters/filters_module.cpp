#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1FiltersPath[] = "/api/v1/filters";
constexpr char kV1FiltersIdPath[] = "/api/v1/filters/:id";
constexpr char kV2FiltersPath[] = "/api/v2/filters";
constexpr char kV2FiltersIdPath[] = "/api/v2/filters/:id";
constexpr char kV2FiltersIdKeywordsPath[] = "/api/v2/filters/:id/keywords";
constexpr char kV2FiltersIdStatusesPath[] = "/api/v2/filters/:id/statuses";
constexpr char kV2FiltersKeywordsIdPath[] = "/api/v2/filters/keywords/:id";
constexpr char kV2FiltersStatusesIdPath[] = "/api/v2/filters/statuses/:id";

}  // namespace

FiltersModule::FiltersModule(services::FilterService& filters) : filters_(filters) {}

void FiltersModule::add_routes(Endpoints& e) {
  e.add({"GET", kV2FiltersPath, Access::kUser, {"read:filters"}},
        [this](Call& c) { return list(c); });
  e.add({"POST", kV2FiltersPath, Access::kUser, {"write:filters"}},
        [this](Call& c) { return create(c); });
  e.add({"GET", kV2FiltersIdPath, Access::kUser, {"read:filters"}},
        [this](Call& c) { return get(c); });
  e.add({"PUT", kV2FiltersIdPath, Access::kUser, {"write:filters"}},
        [this](Call& c) { return update(c); });
  e.add({"DELETE", kV2FiltersIdPath, Access::kUser, {"write:filters"}},
        [this](Call& c) { return remove(c); });

  e.add({"GET", kV2FiltersIdKeywordsPath, Access::kUser, {"read:filters"}},
        [this](Call& c) { return keywords(c); });
  e.add({"POST", kV2FiltersIdKeywordsPath, Access::kUser, {"write:filters"}},
        [this](Call& c) { return add_keyword(c); });
  e.add({"GET", kV2FiltersKeywordsIdPath, Access::kUser, {"read:filters"}},
        [this](Call& c) { return keyword(c); });
  e.add({"PUT", kV2FiltersKeywordsIdPath, Access::kUser, {"write:filters"}},
        [this](Call& c) { return update_keyword(c); });
  e.add({"DELETE", kV2FiltersKeywordsIdPath, Access::kUser, {"write:filters"}},
        [this](Call& c) { return remove_keyword(c); });

  e.add({"GET", kV2FiltersIdStatusesPath, Access::kUser, {"read:filters"}},
        [this](Call& c) { return statuses(c); });
  e.add({"POST", kV2FiltersIdStatusesPath, Access::kUser, {"write:filters"}},
        [this](Call& c) { return add_status(c); });
  e.add({"GET", kV2FiltersStatusesIdPath, Access::kUser, {"read:filters"}},
        [this](Call& c) { return status(c); });
  e.add({"DELETE", kV2FiltersStatusesIdPath, Access::kUser, {"write:filters"}},
        [this](Call& c) { return remove_status(c); });

  e.add({"GET", kV1FiltersPath, Access::kUser, {"read:filters"}},
        [this](Call& c) { return list_v1(c); });
  e.add({"POST", kV1FiltersPath, Access::kUser, {"write:filters"}},
        [this](Call& c) { return create_v1(c); });
  e.add({"GET", kV1FiltersIdPath, Access::kUser, {"read:filters"}},
        [this](Call& c) { return get_v1(c); });
  e.add({"PUT", kV1FiltersIdPath, Access::kUser, {"write:filters"}},
        [this](Call& c) { return update_v1(c); });
  e.add({"DELETE", kV1FiltersIdPath, Access::kUser, {"write:filters"}},
        [this](Call& c) { return remove_v1(c); });
}

}  // namespace lox::api::mastodon
