#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/sponsorship.hpp>
#include <loxodon/services/media/media_service.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

struct NewSponsor {
  std::string kind = "sponsor";  // sponsor, partnership, event
  std::string name;
  std::string url;
  std::string tier;
  std::string price_band;
  std::string terms;
  std::string starts_on;  // YYYY-MM-DD; default today
  std::optional<std::string> ends_on;
  std::string renewal = "none";
  std::optional<std::string> community;  // a hashtag; curators may only use their own
  std::optional<std::string> logo;       // image bytes
};

struct NewPlacement {
  std::string surface;  // funding, sponsors, about, announcements, community
  std::optional<std::string> community;
  std::string headline;
  std::string body;
  std::string link_url;
  int weight = 1;
  std::optional<std::chrono::system_clock::time_point> starts_at;  // default now
  std::optional<std::chrono::system_clock::time_point> ends_at;
  std::optional<std::string> creative;  // image bytes
  std::string creative_description;
};

struct NewOffer {
  std::string title;
  std::string description;
  std::string code;
  std::vector<std::int64_t> plan_ids;  // none: any paid or comped membership
  std::optional<std::chrono::system_clock::time_point> starts_at;  // default now
  std::optional<std::chrono::system_clock::time_point> ends_at;
};

// Everything the public sponsors page discloses (offers without their codes).
struct SponsorDisclosure {
  std::vector<domain::Sponsor> sponsors;
  std::vector<domain::Placement> placements;
  std::vector<domain::SponsorOffer> offers;
};

// Sponsors, partnerships, sponsored events and their placements (community ads), without
// tracking. A placement is picked by weight and schedule alone, never by anything about the
// viewer; impressions and clicks are counted only as aggregates per placement per day; people
// whose membership is ad-free see none. Administrators manage everything; community curators
// manage their own communities' sponsors and community-page placements.
class SponsorService {
 public:
  SponsorService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
                 MediaService& media);

  static constexpr std::int64_t kMaxLogoPixels = 400LL * 400;
  static constexpr std::int64_t kMaxCreativePixels = 1200LL * 630;

  // 403 unless an administrator, or a curator of the sponsor's community; 422 naming the field
  // for bad input (nothing stored).
  awaitable<domain::Sponsor> create_sponsor(domain::UserWithAccount actor, NewSponsor sponsor);
  // Administrators see every sponsor; curators those of their communities.
  awaitable<std::vector<domain::Sponsor>> sponsors(domain::UserWithAccount actor);
  // 404 for an unknown sponsor; 403 / 422 as above. A curator's placements go on their
  // community's page only.
  awaitable<domain::Placement> create_placement(domain::UserWithAccount actor,
                                                std::int64_t sponsor_id, NewPlacement placement);
  awaitable<std::vector<domain::Placement>> placements(domain::UserWithAccount actor);
  awaitable<domain::Placement> end_placement(domain::UserWithAccount actor, std::int64_t id);
  awaitable<std::vector<domain::PlacementDay>> placement_days(domain::UserWithAccount actor,
                                                              std::int64_t id);

  // A member-only offer from a sponsor: 404 for an unknown sponsor, 403 as for placements, 422
  // for a blank title, long text, an unknown plan or an end before the start.
  awaitable<domain::SponsorOffer> create_offer(domain::UserWithAccount actor,
                                               std::int64_t sponsor_id, NewOffer offer);
  awaitable<std::vector<domain::SponsorOffer>> offers(domain::UserWithAccount actor);
  // The running offers `account_id`'s memberships open (codes included).
  awaitable<std::vector<domain::SponsorOffer>> offers_for_member(std::int64_t account_id);

  // Administrators only.
  awaitable<void> add_curator(domain::UserWithAccount admin, std::int64_t account_id,
                              std::string community);
  awaitable<void> remove_curator(domain::UserWithAccount admin, std::int64_t account_id,
                                 std::string community);
  awaitable<std::vector<domain::CommunityCurator>> curators(domain::UserWithAccount admin);

  // Public. The placement to show on a surface now, its impression counted; nothing when none
  // is live or `viewer_account_id` holds an ad-free membership.
  awaitable<std::optional<domain::PlacementView>> show(
      std::string surface, std::optional<std::string> community,
      std::optional<std::int64_t> viewer_account_id);
  // The sponsored announcement for `account_id` now (impression counted): nothing while the
  // person has dismissed one within kAnnouncementQuietDays, or holds an ad-free membership.
  awaitable<std::optional<domain::PlacementView>> announcement_for(std::int64_t account_id);
  // Hides sponsored announcements from `account_id` for kAnnouncementQuietDays: their
  // preference, which names no placement.
  awaitable<void> dismiss_announcements(std::int64_t account_id);
  static constexpr int kAnnouncementQuietDays = 30;
  // The id every sponsored announcement is served under. It names no placement, so nothing an
  // app sends back about it (a dismissal, in a request line or a log) says which ad was seen.
  static constexpr std::int64_t kSponsoredAnnouncementId = 1;

  // Counts a click and returns where it goes (404 for an unknown placement).
  awaitable<std::string> click(std::int64_t placement_id);
  awaitable<SponsorDisclosure> disclosure();

 private:
  // 403 unless `actor` may manage `community` (administrators: any, and the instance itself).
  awaitable<void> require_manager(const domain::UserWithAccount& actor,
                                  const std::optional<std::string>& community);
  std::size_t pick(const std::vector<domain::PlacementView>& live);
  // One live placement of the surface picked by weight, its impression counted (inside the
  // caller's transaction); nothing when none runs.
  std::optional<domain::PlacementView> pick_and_count(db::Tx& tx, const std::string& surface,
                                                      const std::optional<std::string>& community);

  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
  MediaService& media_;
  std::mutex random_mutex_;
  std::mt19937_64 random_;
};

}  // namespace lox::services
