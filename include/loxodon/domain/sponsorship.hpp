#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::domain {

// A sponsor, partnership or sponsored event, as disclosed on the public sponsors page.
struct Sponsor {
  std::int64_t id = 0;
  std::string kind = "sponsor";  // sponsor, partnership, event
  std::string name;
  std::string url;
  std::optional<std::string> logo_key;  // in our media store: served from our origin
  std::string tier;
  std::string price_band;  // "100-250 EUR a month": the disclosure, not the contract
  std::string terms;
  std::string starts_on;  // YYYY-MM-DD
  std::optional<std::string> ends_on;
  std::string renewal = "none";  // none, monthly, yearly
  std::optional<std::string> community;
  std::string created_by;
};

// A community ad on one instance surface. Chosen by weight and schedule only, never by who is
// looking.
struct Placement {
  std::int64_t id = 0;
  std::int64_t sponsor_id = 0;
  std::string surface;  // funding, sponsors, about, announcements, community
  std::optional<std::string> community;
  std::string headline;
  std::string body;
  std::string link_url;
  std::optional<std::string> creative_key;
  std::string creative_description;
  int weight = 1;
  std::chrono::system_clock::time_point starts_at{};
  std::optional<std::chrono::system_clock::time_point> ends_at;
  std::string created_by;
};

// A placement with its sponsor, ready to show.
struct PlacementView {
  Placement placement;
  Sponsor sponsor;
};

// How a placement did on one day (UTC): aggregates, nothing about anyone.
struct PlacementDay {
  std::string day;  // YYYY-MM-DD
  std::int64_t impressions = 0;
  std::int64_t clicks = 0;
};

// A member-only offer from a sponsor.
struct SponsorOffer {
  std::int64_t id = 0;
  std::int64_t sponsor_id = 0;
  std::string sponsor_name;
  std::string title;
  std::string description;
  std::string code;
  std::vector<std::int64_t> plan_ids;  // empty: any paid or comped membership
  std::chrono::system_clock::time_point starts_at{};
  std::optional<std::chrono::system_clock::time_point> ends_at;
  std::string created_by;
};

struct CommunityCurator {
  std::int64_t account_id = 0;
  std::string acct;
  std::string community;
  std::string granted_by;
};

}  // namespace lox::domain
