#include "api/mastodon/sponsors/sponsor_serializer.hpp"

#include <loxodon/api/mastodon/sponsors/sponsors_module.hpp>

#include <utility>

namespace lox::api::mastodon {

// The public disclosure: current sponsors, placements and offers (without codes).
awaitable<http::Response> SponsorsModule::disclosure(Call&) {
  auto d = co_await sponsors_.disclosure();
  nlohmann::json sponsors = nlohmann::json::array(), placements = nlohmann::json::array();
  for (const auto& s : d.sponsors) sponsors.push_back(sponsor_json(config_, s));
  for (const auto& p : d.placements) {
    nlohmann::json item = placement_json(config_, p);
    // The public list discloses where and when, not the weights or who entered it.
    item.erase("weight");
    item.erase("created_by");
    placements.push_back(std::move(item));
  }
  for (auto& s : sponsors) s.erase("created_by");
  nlohmann::json offers = nlohmann::json::array();
  for (const auto& o : d.offers) offers.push_back(offer_json(o, false));
  co_return http::Response::json(
      200, {{"sponsors", sponsors}, {"placements", placements}, {"offers", offers}});
}

}  // namespace lox::api::mastodon
