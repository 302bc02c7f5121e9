#include "db/fields.hpp"
#include "db/pg_array.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/sponsor_repository.hpp>

namespace lox::db {

namespace {

domain::Sponsor read_sponsor(const pqxx::row& row, int at) {
  domain::Sponsor s;
  s.id = row[at].as<std::int64_t>();
  s.kind = row[at + 1].as<std::string>();
  s.name = row[at + 2].as<std::string>();
  s.url = row[at + 3].as<std::string>();
  s.logo_key = nullable<std::string>(row[at + 4]);
  s.tier = row[at + 5].as<std::string>();
  s.price_band = row[at + 6].as<std::string>();
  s.terms = row[at + 7].as<std::string>();
  s.starts_on = row[at + 8].as<std::string>();
  s.ends_on = nullable<std::string>(row[at + 9]);
  s.renewal = row[at + 10].as<std::string>();
  s.community = nullable<std::string>(row[at + 11]);
  s.created_by = row[at + 12].as<std::string>();
  return s;
}

domain::Placement read_placement(const pqxx::row& row) {
  domain::Placement p;
  p.id = row[0].as<std::int64_t>();
  p.sponsor_id = row[1].as<std::int64_t>();
  p.surface = row[2].as<std::string>();
  p.community = nullable<std::string>(row[3]);
  p.headline = row[4].as<std::string>();
  p.body = row[5].as<std::string>();
  p.link_url = row[6].as<std::string>();
  p.creative_key = nullable<std::string>(row[7]);
  p.creative_description = row[8].as<std::string>();
  p.weight = row[9].as<int>();
  p.starts_at = *ms_time(row[10]);
  p.ends_at = ms_time(row[11]);
  p.created_by = row[12].as<std::string>();
  return p;
}

constexpr int kPlacementColumns = 13;

}  // namespace

void SponsorRepository::insert(Tx& tx, const domain::Sponsor& s) {
  tx.exec("sponsor_insert", s.id, s.kind, s.name, s.url, s.logo_key, s.tier, s.price_band, s.terms,
          s.starts_on, s.ends_on, s.renewal, s.community, s.created_by);
}

std::optional<domain::Sponsor> SponsorRepository::find(Tx& tx, std::int64_t id) {
  auto r = tx.exec("sponsor_find", id);
  if (r.empty()) return std::nullopt;
  return read_sponsor(r[0], 0);
}

std::vector<domain::Sponsor> SponsorRepository::all(Tx& tx) {
  std::vector<domain::Sponsor> out;
  for (const auto& row : tx.exec("sponsors_all")) {
    out.push_back(read_sponsor(row, 0));
  }
  return out;
}

void SponsorRepository::insert_placement(Tx& tx, const domain::Placement& p) {
  tx.exec("placement_insert", p.id, p.sponsor_id, p.surface, p.community, p.headline, p.body,
          p.link_url, p.creative_key, p.creative_description, p.weight, to_ms(p.starts_at),
          to_ms(p.ends_at), p.created_by);
}

std::optional<domain::Placement> SponsorRepository::find_placement(Tx& tx, std::int64_t id) {
  auto r = tx.exec("placement_find", id);
  if (r.empty()) return std::nullopt;
  return read_placement(r[0]);
}

std::vector<domain::Placement> SponsorRepository::placements(Tx& tx) {
  std::vector<domain::Placement> out;
  for (const auto& row : tx.exec("placements_all")) {
    out.push_back(read_placement(row));
  }
  return out;
}

void SponsorRepository::end_placement(Tx& tx, std::int64_t id) { tx.exec("placement_end", id); }

std::vector<domain::PlacementView> SponsorRepository::live(
    Tx& tx, const std::string& surface, const std::optional<std::string>& community) {
  std::vector<domain::PlacementView> out;
  for (const auto& row : tx.exec("placements_live", surface, community)) {
    out.push_back({read_placement(row), read_sponsor(row, kPlacementColumns)});
  }
  return out;
}

void SponsorRepository::count_impression(Tx& tx, std::int64_t placement_id) {
  tx.exec("placement_count_impression", placement_id);
}

bool SponsorRepository::count_click(Tx& tx, std::int64_t placement_id) {
  return tx.exec("placement_count_click", placement_id).affected_rows() > 0;
}

std::vector<domain::PlacementDay> SponsorRepository::days(Tx& tx, std::int64_t placement_id) {
  std::vector<domain::PlacementDay> out;
  for (const auto& row : tx.exec("placement_days", placement_id)) {
    out.push_back({row[0].as<std::string>(), row[1].as<std::int64_t>(), row[2].as<std::int64_t>()});
  }
  return out;
}

bool SponsorRepository::add_curator(Tx& tx, std::int64_t account_id, const std::string& community,
                                    const std::string& granted_by) {
  return tx.exec("curator_insert", account_id, community, granted_by).affected_rows() > 0;
}

bool SponsorRepository::remove_curator(Tx& tx, std::int64_t account_id,
                                       const std::string& community) {
  return tx.exec("curator_delete", account_id, community).affected_rows() > 0;
}

bool SponsorRepository::is_curator(Tx& tx, std::int64_t account_id, const std::string& community) {
  return !tx.exec("curator_exists", account_id, community).empty();
}

std::vector<domain::CommunityCurator> SponsorRepository::curators(Tx& tx) {
  std::vector<domain::CommunityCurator> out;
  for (const auto& row : tx.exec("curators_all")) {
    out.push_back({row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(),
                   row[3].as<std::string>()});
  }
  return out;
}

std::vector<std::string> SponsorRepository::communities_of(Tx& tx, std::int64_t account_id) {
  std::vector<std::string> out;
  for (const auto& row : tx.exec("curator_communities", account_id)) {
    out.push_back(row[0].as<std::string>());
  }
  return out;
}

namespace {
std::vector<domain::SponsorOffer> read_offers(const pqxx::result& r) {
  std::vector<domain::SponsorOffer> out;
  for (const auto& row : r) {
    domain::SponsorOffer o;
    o.id = row[0].as<std::int64_t>();
    o.sponsor_id = row[1].as<std::int64_t>();
    o.sponsor_name = row[2].as<std::string>();
    o.title = row[3].as<std::string>();
    o.description = row[4].as<std::string>();
    o.code = row[5].as<std::string>();
    o.plan_ids = from_pg_bigint_array(row[6].as<std::string>());
    o.starts_at = *ms_time(row[7]);
    o.ends_at = ms_time(row[8]);
    o.created_by = row[9].as<std::string>();
    out.push_back(std::move(o));
  }
  return out;
}
}  // namespace

void SponsorRepository::insert_offer(Tx& tx, const domain::SponsorOffer& o) {
  tx.exec("offer_insert", o.id, o.sponsor_id, o.title, o.description, o.code,
          to_pg_bigint_array(o.plan_ids), to_ms(o.starts_at), to_ms(o.ends_at), o.created_by);
}

std::vector<domain::SponsorOffer> SponsorRepository::offers(Tx& tx) {
  return read_offers(tx.exec("offers_all"));
}

std::vector<domain::SponsorOffer> SponsorRepository::offers_for_member(Tx& tx,
                                                                       std::int64_t account_id,
                                                                       int grace_days) {
  return read_offers(tx.exec("offers_for_member", account_id, grace_days));
}

bool SponsorRepository::sponsored_announcements_hidden(Tx& tx, std::int64_t account_id) {
  return !tx.exec("sponsored_announcements_hidden", account_id).empty();
}

void SponsorRepository::hide_sponsored_announcements(Tx& tx, std::int64_t account_id, int days) {
  tx.exec("sponsored_announcements_hide", account_id, days);
}

}  // namespace lox::db
