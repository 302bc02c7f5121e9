#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/sponsor_serializer.hpp"

#include <loxodon/api/mastodon/sponsors_api.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1AdminCuratorsPath[] = "/api/v1/admin/curators";
constexpr char kV1AdminSponsorsPath[] = "/api/v1/admin/sponsors";

}  // namespace

using nlohmann::json;

SponsorsApi::SponsorsApi(const config::Config& config, services::SponsorService& sponsors)
    : config_(config), sponsors_(sponsors) {}

void SponsorsApi::add_routes(Endpoints& e) {
  auto offer_json = [](const domain::SponsorOffer& o, bool with_code) {
    json plans = json::array();
    for (auto id : o.plan_ids) plans.push_back(std::to_string(id));
    json out = {{"id", std::to_string(o.id)},
                {"sponsor_id", std::to_string(o.sponsor_id)},
                {"sponsor", o.sponsor_name},
                {"title", o.title},
                {"description", o.description},
                {"plan_ids", plans},
                {"starts_at", format_iso8601_ms(o.starts_at)},
                {"ends_at", o.ends_at ? json(format_iso8601_ms(*o.ends_at)) : json(nullptr)}};
    if (with_code) out["code"] = o.code;
    return out;
  };
  http::RouteOptions with_image;  // a logo or creative, up to 8 MB, as multipart
  with_image.max_body_bytes = 9 * 1024 * 1024;
  with_image.spool_large_body = true;

  e.add({"GET", "/api/v1/instance/sponsors", Access::kPublic, {}, true},
        [this, offer_json](Call&) -> awaitable<http::Response> {
          auto d = co_await sponsors_.disclosure();
          json sponsors = json::array(), placements = json::array();
          for (const auto& s : d.sponsors) sponsors.push_back(sponsor_json(config_, s));
          for (const auto& p : d.placements) {
            json item = placement_json(config_, p);
            // The public list discloses where and when, not the weights or who entered it.
            item.erase("weight");
            item.erase("created_by");
            placements.push_back(std::move(item));
          }
          for (auto& s : sponsors) s.erase("created_by");
          json offers = json::array();
          for (const auto& o : d.offers) offers.push_back(offer_json(o, false));
          co_return http::Response::json(
              200, {{"sponsors", sponsors}, {"placements", placements}, {"offers", offers}});
        });
  e.add(
      {"POST", kV1AdminSponsorsPath, Access::kUser, {"admin:write"}},
      [this](Call& c) -> awaitable<http::Response> {
        services::NewSponsor r;
        r.kind = c.params.string("kind").value_or("sponsor");
        r.name = c.params.string("name").value_or("");
        r.url = c.params.string("url").value_or("");
        r.tier = c.params.string("tier").value_or("");
        r.price_band = c.params.string("price_band").value_or("");
        r.terms = c.params.string("terms").value_or("");
        r.starts_on = c.params.string("starts_on").value_or("");
        r.ends_on = c.params.string("ends_on");
        r.renewal = c.params.string("renewal").value_or("none");
        r.community = c.params.string("community");
        if (const auto* logo = c.params.file("logo")) r.logo = logo->content.to_string();
        auto sponsor = co_await sponsors_.create_sponsor(c.user(), std::move(r));
        co_return http::Response::json(200, sponsor_json(config_, sponsor));
      },
      with_image);
  e.add({"GET", kV1AdminSponsorsPath, Access::kUser, {"admin:read"}},
        [this](Call& c) -> awaitable<http::Response> {
          json out = json::array();
          for (const auto& s : co_await sponsors_.sponsors(c.user())) {
            out.push_back(sponsor_json(config_, s));
          }
          co_return http::Response::json(200, out);
        });
  e.add(
      {"POST", "/api/v1/admin/sponsors/:id/placements", Access::kUser, {"admin:write"}},
      [this](Call& c) -> awaitable<http::Response> {
        services::NewPlacement r;
        r.surface = c.params.string("surface").value_or("");
        r.community = c.params.string("community");
        r.headline = c.params.string("headline").value_or("");
        r.body = c.params.string("body").value_or("");
        r.link_url = c.params.string("link_url").value_or("");
        auto weight = c.params.integer("weight").value_or(1);
        r.weight = weight < 0 || weight > 1000 ? 0 : static_cast<int>(weight);
        r.starts_at = time_param(c.params, "starts_at", "Starts at");
        r.ends_at = time_param(c.params, "ends_at", "Ends at");
        r.creative_description = c.params.string("creative_description").value_or("");
        if (const auto* creative = c.params.file("creative"))
          r.creative = creative->content.to_string();
        auto placement =
            co_await sponsors_.create_placement(c.user(), path_id(c.request), std::move(r));
        co_return http::Response::json(200, placement_json(config_, placement));
      },
      with_image);
  e.add({"GET", "/api/v1/admin/placements", Access::kUser, {"admin:read"}},
        [this](Call& c) -> awaitable<http::Response> {
          json out = json::array();
          for (const auto& p : co_await sponsors_.placements(c.user())) {
            out.push_back(placement_json(config_, p));
          }
          co_return http::Response::json(200, out);
        });
  e.add({"POST", "/api/v1/admin/placements/:id/end", Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto placement = co_await sponsors_.end_placement(c.user(), path_id(c.request));
          co_return http::Response::json(200, placement_json(config_, placement));
        });
  e.add({"GET", "/api/v1/admin/placements/:id/stats", Access::kUser, {"admin:read"}},
        [this](Call& c) -> awaitable<http::Response> {
          json out = json::array();
          for (const auto& d : co_await sponsors_.placement_days(c.user(), path_id(c.request))) {
            out.push_back({{"day", d.day}, {"impressions", d.impressions}, {"clicks", d.clicks}});
          }
          co_return http::Response::json(200, out);
        });
  e.add({"POST", "/api/v1/admin/sponsors/:id/offers", Access::kUser, {"admin:write"}},
        [this, offer_json](Call& c) -> awaitable<http::Response> {
          services::NewOffer r;
          r.title = c.params.string("title").value_or("");
          r.description = c.params.string("description").value_or("");
          r.code = c.params.string("code").value_or("");
          r.plan_ids = id_params(c.params, "plan_ids");
          r.starts_at = time_param(c.params, "starts_at", "Starts at");
          r.ends_at = time_param(c.params, "ends_at", "Ends at");
          auto offer = co_await sponsors_.create_offer(c.user(), path_id(c.request), std::move(r));
          co_return http::Response::json(200, offer_json(offer, true));
        });
  e.add({"GET", "/api/v1/admin/offers", Access::kUser, {"admin:read"}},
        [this, offer_json](Call& c) -> awaitable<http::Response> {
          json out = json::array();
          auto offers = co_await sponsors_.offers(c.user());
          for (const auto& o : offers) out.push_back(offer_json(o, true));
          co_return http::Response::json(200, out);
        });
  // A member's own offers, codes included.
  e.add({"GET", "/api/v1/funding/offers", Access::kUser, {"read:accounts"}},
        [this, offer_json](Call& c) -> awaitable<http::Response> {
          json out = json::array();
          auto offers = co_await sponsors_.offers_for_member(c.user().account.id);
          for (const auto& o : offers) out.push_back(offer_json(o, true));
          co_return http::Response::json(200, out);
        });
  e.add({"GET", kV1AdminCuratorsPath, Access::kUser, {"admin:read"}},
        [this](Call& c) -> awaitable<http::Response> {
          json out = json::array();
          for (const auto& cur : co_await sponsors_.curators(c.user())) {
            out.push_back({{"account_id", std::to_string(cur.account_id)},
                           {"acct", cur.acct},
                           {"community", cur.community},
                           {"granted_by", cur.granted_by}});
          }
          co_return http::Response::json(200, out);
        });
  e.add({"POST", kV1AdminCuratorsPath, Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto ids = id_params(c.params, "account_id");
          co_await sponsors_.add_curator(c.user(), ids.empty() ? 0 : ids.front(),
                                         c.params.string("community").value_or(""));
          co_return http::Response::json_text(200, "{}");
        });
  e.add({"DELETE", kV1AdminCuratorsPath, Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto ids = id_params(c.params, "account_id");
          co_await sponsors_.remove_curator(c.user(), ids.empty() ? 0 : ids.front(),
                                            c.params.string("community").value_or(""));
          co_return http::Response::json_text(200, "{}");
        });
}

}  // namespace lox::api::mastodon
