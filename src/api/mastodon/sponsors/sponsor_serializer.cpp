#include "api/mastodon/sponsors/sponsor_serializer.hpp"

#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {
json optional_text(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
}  // namespace

json sponsor_json(const config::Config& config, const domain::Sponsor& s) {
  return {{"id", std::to_string(s.id)},
          {"kind", s.kind},
          {"name", s.name},
          {"url", s.url},
          {"logo_url", s.logo_key ? json(config.media_url(*s.logo_key)) : json(nullptr)},
          {"tier", s.tier},
          {"price_band", s.price_band},
          {"terms", s.terms},
          {"starts_on", s.starts_on},
          {"ends_on", optional_text(s.ends_on)},
          {"renewal", s.renewal},
          {"community", optional_text(s.community)},
          {"created_by", s.created_by}};
}

json placement_json(const config::Config& config, const domain::Placement& p) {
  return {
      {"id", std::to_string(p.id)},
      {"sponsor_id", std::to_string(p.sponsor_id)},
      {"surface", p.surface},
      {"community", optional_text(p.community)},
      {"headline", p.headline},
      {"body", p.body},
      {"link_url", p.link_url},
      {"creative_url", p.creative_key ? json(config.media_url(*p.creative_key)) : json(nullptr)},
      {"creative_description", p.creative_description},
      {"weight", p.weight},
      {"starts_at", format_iso8601_ms(p.starts_at)},
      {"ends_at", p.ends_at ? json(format_iso8601_ms(*p.ends_at)) : json(nullptr)},
      {"created_by", p.created_by}};
}

json offer_json(const domain::SponsorOffer& o, bool with_code) {
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
}

}  // namespace lox::api::mastodon
