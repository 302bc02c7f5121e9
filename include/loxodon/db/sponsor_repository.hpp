#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/sponsorship.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

// Sponsors, their placements, the placements' daily aggregates, and community curators.
class SponsorRepository {
 public:
  static void insert(Tx& tx, const domain::Sponsor& sponsor);
  static std::optional<domain::Sponsor> find(Tx& tx, std::int64_t id);
  // Current sponsors first, then past ones.
  static std::vector<domain::Sponsor> all(Tx& tx);

  static void insert_placement(Tx& tx, const domain::Placement& placement);
  static std::optional<domain::Placement> find_placement(Tx& tx, std::int64_t id);
  static std::vector<domain::Placement> placements(Tx& tx);
  static void end_placement(Tx& tx, std::int64_t id);
  // Placements that may show on `surface` now, with their sponsors.
  static std::vector<domain::PlacementView> live(Tx& tx, const std::string& surface,
                                                 const std::optional<std::string>& community);
  static void count_impression(Tx& tx, std::int64_t placement_id);
  // False for an unknown placement.
  static bool count_click(Tx& tx, std::int64_t placement_id);
  static std::vector<domain::PlacementDay> days(Tx& tx, std::int64_t placement_id);

  static bool add_curator(Tx& tx, std::int64_t account_id, const std::string& community,
                          const std::string& granted_by);
  static bool remove_curator(Tx& tx, std::int64_t account_id, const std::string& community);
  static bool is_curator(Tx& tx, std::int64_t account_id, const std::string& community);
  static std::vector<domain::CommunityCurator> curators(Tx& tx);
  static std::vector<std::string> communities_of(Tx& tx, std::int64_t account_id);

  static void insert_offer(Tx& tx, const domain::SponsorOffer& offer);
  static std::vector<domain::SponsorOffer> offers(Tx& tx);
  static std::vector<domain::SponsorOffer> offers_for_member(Tx& tx, std::int64_t account_id,
                                                             int grace_days);

  // The person's preference set by dismissing a sponsored announcement.
  static bool sponsored_announcements_hidden(Tx& tx, std::int64_t account_id);
  static void hide_sponsored_announcements(Tx& tx, std::int64_t account_id, int days);
};

}  // namespace lox::db
