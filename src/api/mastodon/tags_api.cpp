#include "api/mastodon/pagination.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/tags_api.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1FeaturedTagsPath[] = "/api/v1/featured_tags";

}  // namespace

using nlohmann::json;

namespace {

// Mastodon's Tag entity. Usage history is not tracked yet: an empty array, which clients accept.
json tag_json(const config::Config& config, const db::TagRow& tag, bool with_viewer) {
  json out = {{"name", tag.name},
              {"url", config.base_url() + "/tags/" + tag.name},
              {"history", json::array()}};
  if (with_viewer) {
    out["following"] = tag.following;
    out["featuring"] = tag.featuring;
  }
  return out;
}

json featured_json(const config::Config& config, const std::string& username,
                   const db::FeaturedTagRow& f) {
  json last = nullptr;
  if (f.last_status_at_ms) {
    // Mastodon gives the day only, to not reveal when exactly someone posted.
    std::string stamp = format_iso8601_ms(
        std::chrono::system_clock::time_point(std::chrono::milliseconds(*f.last_status_at_ms)));
    last = stamp.substr(0, 10);
  }
  return {{"id", std::to_string(f.id)},
          {"name", f.name},
          {"url", config.base_url() + "/@" + username + "/tagged/" + f.name},
          {"statuses_count", f.statuses_count},
          {"last_status_at", last}};
}

}  // namespace

TagsApi::TagsApi(const config::Config& config, services::TagService& tags)
    : config_(config), tags_(tags) {}

void TagsApi::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/tags/:name", Access::kPublic, {"read"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t viewer = viewer_of(c);
          auto tag =
              co_await tags_.get(std::string(c.request.path_param("name").value_or("")), viewer);
          co_return http::Response::json(200, tag_json(config_, tag, viewer != 0));
        });
  e.add({"POST", "/api/v1/tags/:name/follow", Access::kUser, {"write:follows"}},
        [this](Call& c) { return follow_tag(c, true); });
  e.add({"POST", "/api/v1/tags/:name/unfollow", Access::kUser, {"write:follows"}},
        [this](Call& c) { return follow_tag(c, false); });
  e.add({"GET", "/api/v1/followed_tags", Access::kUser, {"read:follows"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto page = co_await tags_.followed(c.user().account.id, page_query(c.params, 100, 200));
          json out = json::array();
          for (const auto& t : page.tags) out.push_back(tag_json(config_, t, true));
          http::Response res = http::Response::json(200, out);
          add_link_header(res, c.request, config_, page.cursors);
          co_return res;
        });
  e.add({"GET", kV1FeaturedTagsPath, Access::kUser, {"read:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          const auto& me = c.user().account;
          json out = json::array();
          for (const auto& f : co_await tags_.featured(me.id))
            out.push_back(featured_json(config_, me.username, f));
          co_return http::Response::json(200, out);
        });
  e.add({"GET", "/api/v1/accounts/:id/featured_tags", Access::kPublic, {"read:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto featured = co_await tags_.featured_of(id);
          json out = json::array();
          for (const auto& f : featured.second)
            out.push_back(featured_json(config_, featured.first, f));
          co_return http::Response::json(200, out);
        });
  e.add({"POST", kV1FeaturedTagsPath, Access::kUser, {"write:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          const auto& me = c.user().account;
          auto f = co_await tags_.feature(me.id, c.params.string_or("name", ""));
          co_return http::Response::json(200, featured_json(config_, me.username, f));
        });
  e.add({"DELETE", "/api/v1/featured_tags/:id", Access::kUser, {"write:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_await tags_.unfeature(c.user().account.id, id);
          co_return http::Response::json_text(200, "{}");
        });
  e.add({"GET", "/api/v1/featured_tags/suggestions", Access::kUser, {"read:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          json out = json::array();
          for (const auto& t : co_await tags_.feature_suggestions(c.user().account.id))
            out.push_back(tag_json(config_, t, true));
          co_return http::Response::json(200, out);
        });
}

awaitable<http::Response> TagsApi::follow_tag(Call& c, bool follow) {
  std::int64_t me = c.user().account.id;
  std::string tag_name = std::string(c.request.path_param("name").value_or(""));
  db::TagRow tag;
  if (follow) {
    tag = co_await tags_.follow(me, tag_name);
  } else {
    tag = co_await tags_.unfollow(me, tag_name);
  }
  co_return http::Response::json(200, tag_json(config_, tag, true));
}

}  // namespace lox::api::mastodon
