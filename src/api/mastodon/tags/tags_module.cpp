#include <loxodon/api/mastodon/tags/tags_module.hpp>

namespace lox::api::mastodon {

namespace {
// Paths registered for more than one method, written out once.
constexpr char kV1FeaturedTagsPath[] = "/api/v1/featured_tags";
}  // namespace

TagsModule::TagsModule(const config::Config& config, services::TagService& tags)
    : config_(config), tags_(tags) {}

void TagsModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/tags/:name", Access::kPublic, {"read"}},
        [this](Call& c) { return show(c); });
  e.add({"POST", "/api/v1/tags/:name/follow", Access::kUser, {"write:follows"}},
        [this](Call& c) { return follow(c); });
  e.add({"POST", "/api/v1/tags/:name/unfollow", Access::kUser, {"write:follows"}},
        [this](Call& c) { return unfollow(c); });
  e.add({"GET", "/api/v1/followed_tags", Access::kUser, {"read:follows"}},
        [this](Call& c) { return followed(c); });
  e.add({"GET", kV1FeaturedTagsPath, Access::kUser, {"read:accounts"}},
        [this](Call& c) { return featured(c); });
  e.add({"GET", "/api/v1/accounts/:id/featured_tags", Access::kPublic, {"read:accounts"}},
        [this](Call& c) { return featured_of_account(c); });
  e.add({"POST", kV1FeaturedTagsPath, Access::kUser, {"write:accounts"}},
        [this](Call& c) { return feature(c); });
  e.add({"DELETE", "/api/v1/featured_tags/:id", Access::kUser, {"write:accounts"}},
        [this](Call& c) { return unfeature(c); });
  e.add({"GET", "/api/v1/featured_tags/suggestions", Access::kUser, {"read:accounts"}},
        [this](Call& c) { return feature_suggestions(c); });
}

}  // namespace lox::api::mastodon
