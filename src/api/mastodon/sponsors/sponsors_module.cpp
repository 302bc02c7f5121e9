#include <loxodon/api/mastodon/sponsors/sponsors_module.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1AdminCuratorsPath[] = "/api/v1/admin/curators";
constexpr char kV1AdminSponsorsPath[] = "/api/v1/admin/sponsors";

}  // namespace

SponsorsModule::SponsorsModule(const config::Config& config, services::SponsorService& sponsors)
    : config_(config), sponsors_(sponsors) {}

void SponsorsModule::add_routes(Endpoints& e) {
  http::RouteOptions with_image;  // a logo or creative, up to 8 MB, as multipart
  with_image.max_body_bytes = 9 * 1024 * 1024;
  with_image.spool_large_body = true;

  e.add({"GET", "/api/v1/instance/sponsors", Access::kPublic, {}, true},
        [this](Call& c) { return disclosure(c); });
  e.add(
      {"POST", kV1AdminSponsorsPath, Access::kUser, {"admin:write"}},
      [this](Call& c) { return create_sponsor(c); }, with_image);
  e.add({"GET", kV1AdminSponsorsPath, Access::kUser, {"admin:read"}},
        [this](Call& c) { return sponsors(c); });
  e.add(
      {"POST", "/api/v1/admin/sponsors/:id/placements", Access::kUser, {"admin:write"}},
      [this](Call& c) { return create_placement(c); }, with_image);
  e.add({"GET", "/api/v1/admin/placements", Access::kUser, {"admin:read"}},
        [this](Call& c) { return placements(c); });
  e.add({"POST", "/api/v1/admin/placements/:id/end", Access::kUser, {"admin:write"}},
        [this](Call& c) { return end_placement(c); });
  e.add({"GET", "/api/v1/admin/placements/:id/stats", Access::kUser, {"admin:read"}},
        [this](Call& c) { return placement_stats(c); });
  e.add({"POST", "/api/v1/admin/sponsors/:id/offers", Access::kUser, {"admin:write"}},
        [this](Call& c) { return create_offer(c); });
  e.add({"GET", "/api/v1/admin/offers", Access::kUser, {"admin:read"}},
        [this](Call& c) { return offers(c); });
  e.add({"GET", "/api/v1/funding/offers", Access::kUser, {"read:accounts"}},
        [this](Call& c) { return my_offers(c); });
  e.add({"GET", kV1AdminCuratorsPath, Access::kUser, {"admin:read"}},
        [this](Call& c) { return curators(c); });
  e.add({"POST", kV1AdminCuratorsPath, Access::kUser, {"admin:write"}},
        [this](Call& c) { return add_curator(c); });
  e.add({"DELETE", kV1AdminCuratorsPath, Access::kUser, {"admin:write"}},
        [this](Call& c) { return remove_curator(c); });
}

}  // namespace lox::api::mastodon
