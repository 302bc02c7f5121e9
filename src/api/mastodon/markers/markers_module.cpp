#include <loxodon/api/mastodon/markers/markers_module.hpp>

namespace lox::api::mastodon {

namespace {
constexpr char kV1MarkersPath[] = "/api/v1/markers";
}

MarkersModule::MarkersModule(services::MarkerService& markers) : markers_(markers) {}

void MarkersModule::add_routes(Endpoints& e) {
  e.add({"GET", kV1MarkersPath, Access::kUser, {"read:statuses"}},
        [this](Call& c) { return get(c); });
  e.add({"POST", kV1MarkersPath, Access::kUser, {"write:statuses"}},
        [this](Call& c) { return save(c); });
}

}  // namespace lox::api::mastodon
