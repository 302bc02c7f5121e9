#include "api/mastodon/sponsors/sponsor_params.hpp"

#include "api/mastodon/request_ids.hpp"

namespace lox::api::mastodon {

services::NewSponsor new_sponsor(const http::Params& p) {
  services::NewSponsor r;
  r.kind = p.string("kind").value_or("sponsor");
  r.name = p.string("name").value_or("");
  r.url = p.string("url").value_or("");
  r.tier = p.string("tier").value_or("");
  r.price_band = p.string("price_band").value_or("");
  r.terms = p.string("terms").value_or("");
  r.starts_on = p.string("starts_on").value_or("");
  r.ends_on = p.string("ends_on");
  r.renewal = p.string("renewal").value_or("none");
  r.community = p.string("community");
  if (const auto* logo = p.file("logo")) r.logo = logo->content.to_string();
  return r;
}

services::NewPlacement new_placement(const http::Params& p) {
  services::NewPlacement r;
  r.surface = p.string("surface").value_or("");
  r.community = p.string("community");
  r.headline = p.string("headline").value_or("");
  r.body = p.string("body").value_or("");
  r.link_url = p.string("link_url").value_or("");
  auto weight = p.integer("weight").value_or(1);
  r.weight = weight < 0 || weight > 1000 ? 0 : static_cast<int>(weight);
  r.starts_at = time_param(p, "starts_at", "Starts at");
  r.ends_at = time_param(p, "ends_at", "Ends at");
  r.creative_description = p.string("creative_description").value_or("");
  if (const auto* creative = p.file("creative")) r.creative = creative->content.to_string();
  return r;
}

services::NewOffer new_offer(const http::Params& p) {
  services::NewOffer r;
  r.title = p.string("title").value_or("");
  r.description = p.string("description").value_or("");
  r.code = p.string("code").value_or("");
  r.plan_ids = id_params(p, "plan_ids");
  r.starts_at = time_param(p, "starts_at", "Starts at");
  r.ends_at = time_param(p, "ends_at", "Ends at");
  return r;
}

}  // namespace lox::api::mastodon
