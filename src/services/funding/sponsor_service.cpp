#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/membership_repository.hpp>
#include <loxodon/db/sponsor_repository.hpp>
#include <loxodon/services/funding/entitlements.hpp>
#include <loxodon/services/funding/ledger_service.hpp>
#include <loxodon/services/funding/sponsor_service.hpp>
#include <loxodon/services/statuses/tag_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/time_format.hpp>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace lox::services {

namespace {

Error forbidden() { return Error(ErrorCode::kForbidden, "This action is not allowed"); }

// An absolute http(s) URL without spaces or control characters: what a sponsor's link and a
// placement's target must be.
bool web_url(std::string_view url) {
  if (url.size() > 2000) return false;
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest.front() == '/' || rest.front() == '.') return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\';
  });
}

// A calendar date as YYYY-MM-DD (and a real day: no 2026-02-30).
bool calendar_date(const std::string& text) {
  if (text.size() != 10) return false;
  auto t = parse_iso8601(text + "T00:00:00Z");
  return t && format_date(*t) == text;
}

bool is_administrator(const domain::UserWithAccount& actor) {
  return LedgerService::may_manage(actor.user);
}

// What `actor` may manage of `rows`: all of them for an administrator; a curator's rows of
// their own communities (`community_of(row)`, none: the instance's); 403 for anyone else.
template <class Row, class CommunityOf>
std::vector<Row> managed_rows(db::Tx& tx, const domain::UserWithAccount& actor,
                              std::vector<Row> rows, CommunityOf community_of) {
  if (is_administrator(actor)) return rows;
  auto mine = db::SponsorRepository::communities_of(tx, actor.account.id);
  if (mine.empty()) throw forbidden();
  std::erase_if(rows, [&](const Row& row) {
    std::optional<std::string> community = community_of(row);
    return !community || std::find(mine.begin(), mine.end(), *community) == mine.end();
  });
  return rows;
}
}  // namespace

SponsorService::SponsorService(const config::Config& config, db::Database& db,
                               SnowflakeGenerator& ids, MediaService& media)
    : config_(config), db_(db), ids_(ids), media_(media), random_(std::random_device{}()) {}

awaitable<void> SponsorService::require_manager(const domain::UserWithAccount& actor,
                                                const std::optional<std::string>& community) {
  if (is_administrator(actor)) co_return;
  if (!community) throw forbidden();
  bool curator = co_await db_.read([&](db::Tx& tx) {
    return db::SponsorRepository::is_curator(tx, actor.account.id, *community);
  });
  if (!curator) throw forbidden();
}

awaitable<domain::Sponsor> SponsorService::create_sponsor(domain::UserWithAccount actor,
                                                          NewSponsor r) {
  domain::Sponsor s;
  if (r.community && !r.community->empty()) {
    s.community = TagService::normalized(*r.community);
    if (!s.community) throw validation_failed("Community must be a hashtag name");
  }
  co_await require_manager(actor, s.community);
  if (r.kind != "sponsor" && r.kind != "partnership" && r.kind != "event") {
    throw validation_failed("Kind must be sponsor, partnership or event");
  }
  s.kind = r.kind;
  if (r.name.empty()) throw validation_failed("Name can't be blank");
  s.name = bounded_text(r.name, 100, "Name");
  if (!r.url.empty() && !web_url(r.url))
    throw validation_failed("URL must be an http or https address");
  s.url = r.url;
  s.tier = bounded_text(r.tier, 50, "Tier");
  s.price_band = bounded_text(r.price_band, 100, "Price band");
  s.terms = bounded_text(r.terms, 2000, "Terms");
  s.starts_on = r.starts_on.empty() ? format_date(std::chrono::system_clock::now()) : r.starts_on;
  if (!calendar_date(s.starts_on)) throw validation_failed("Starts on must be a date (YYYY-MM-DD)");
  if (r.ends_on && !r.ends_on->empty()) {
    if (!calendar_date(*r.ends_on)) throw validation_failed("Ends on must be a date (YYYY-MM-DD)");
    if (*r.ends_on < s.starts_on) throw validation_failed("Ends on must not be before starts on");
    s.ends_on = r.ends_on;
  }
  if (r.renewal != "none" && r.renewal != "monthly" && r.renewal != "yearly") {
    throw validation_failed("Renewal must be none, monthly or yearly");
  }
  s.renewal = r.renewal;
  if (r.logo) {
    auto stored = co_await media_.store_image(std::move(*r.logo), kMaxLogoPixels);
    if (!stored)
      throw validation_failed("Logo must be a PNG, JPEG, GIF or WebP image of at most 8 MB");
    s.logo_key = stored->key;
  }
  s.id = ids_.next();
  s.created_by = "@" + actor.account.username;
  co_await db_.tx([&](db::Tx& tx) { db::SponsorRepository::insert(tx, s); });
  co_return s;
}

awaitable<std::vector<domain::Sponsor>> SponsorService::sponsors(domain::UserWithAccount actor) {
  co_return co_await db_.read([&](db::Tx& tx) {
    return managed_rows(tx, actor, db::SponsorRepository::all(tx),
                        [](const domain::Sponsor& s) { return s.community; });
  });
}

awaitable<domain::Placement> SponsorService::create_placement(domain::UserWithAccount actor,
                                                              std::int64_t sponsor_id,
                                                              NewPlacement r) {
  auto sponsor =
      co_await db_.read([&](db::Tx& tx) { return db::SponsorRepository::find(tx, sponsor_id); });
  if (!sponsor) throw Error(ErrorCode::kNotFound, "Record not found");
  domain::Placement p;
  p.sponsor_id = sponsor_id;
  static constexpr std::array kSurfaces = {"funding", "sponsors", "about", "announcements",
                                           "community"};
  if (std::find(kSurfaces.begin(), kSurfaces.end(), r.surface) == kSurfaces.end()) {
    // Timelines, profiles, notifications and federated posts are not on the list, by design.
    throw validation_failed("Surface must be funding, sponsors, about, announcements or community");
  }
  p.surface = r.surface;
  if (p.surface == "community") {
    if (r.community && !r.community->empty()) {
      p.community = TagService::normalized(*r.community);
      if (!p.community) throw validation_failed("Community must be a hashtag name");
    }
    if (!p.community && sponsor->community) p.community = sponsor->community;
    if (!p.community) throw validation_failed("Community must be a hashtag name");
  } else if (r.community && !r.community->empty()) {
    throw validation_failed("Community is only for the community surface");
  }
  // Curators place only on their own community's page, for that community's sponsors.
  if (!is_administrator(actor)) {
    if (p.surface != "community" || sponsor->community != p.community) throw forbidden();
    co_await require_manager(actor, p.community);
  }
  if (r.headline.empty()) throw validation_failed("Headline can't be blank");
  p.headline = bounded_text(r.headline, 100, "Headline");
  p.body = bounded_text(r.body, 500, "Body");
  if (!web_url(r.link_url)) throw validation_failed("Link URL must be an http or https address");
  p.link_url = r.link_url;
  if (r.weight < 1 || r.weight > 100) throw validation_failed("Weight must be 1 to 100");
  p.weight = r.weight;
  p.starts_at = r.starts_at.value_or(std::chrono::system_clock::now());
  if (r.ends_at) {
    if (*r.ends_at <= p.starts_at) throw validation_failed("Ends at must be after starts at");
    p.ends_at = r.ends_at;
  }
  p.creative_description = bounded_text(r.creative_description, 500, "Creative description");
  if (r.creative) {
    auto stored = co_await media_.store_image(std::move(*r.creative), kMaxCreativePixels);
    if (!stored)
      throw validation_failed("Creative must be a PNG, JPEG, GIF or WebP image of at most 8 MB");
    p.creative_key = stored->key;
  }
  p.id = ids_.next();
  p.created_by = "@" + actor.account.username;
  co_await db_.tx([&](db::Tx& tx) { db::SponsorRepository::insert_placement(tx, p); });
  co_return p;
}

awaitable<std::vector<domain::Placement>> SponsorService::placements(
    domain::UserWithAccount actor) {
  co_return co_await db_.read([&](db::Tx& tx) {
    return managed_rows(tx, actor, db::SponsorRepository::placements(tx),
                        [](const domain::Placement& p) { return p.community; });
  });
}

awaitable<domain::Placement> SponsorService::end_placement(domain::UserWithAccount actor,
                                                           std::int64_t id) {
  auto found =
      co_await db_.read([&](db::Tx& tx) { return db::SponsorRepository::find_placement(tx, id); });
  if (!found) throw Error(ErrorCode::kNotFound, "Record not found");
  co_await require_manager(actor, found->community);
  co_return co_await db_.tx([&](db::Tx& tx) {
    db::SponsorRepository::end_placement(tx, id);
    return *db::SponsorRepository::find_placement(tx, id);
  });
}

awaitable<std::vector<domain::PlacementDay>> SponsorService::placement_days(
    domain::UserWithAccount actor, std::int64_t id) {
  auto found =
      co_await db_.read([&](db::Tx& tx) { return db::SponsorRepository::find_placement(tx, id); });
  if (!found) throw Error(ErrorCode::kNotFound, "Record not found");
  co_await require_manager(actor, found->community);
  co_return co_await db_.read([&](db::Tx& tx) { return db::SponsorRepository::days(tx, id); });
}

awaitable<domain::SponsorOffer> SponsorService::create_offer(domain::UserWithAccount actor,
                                                             std::int64_t sponsor_id, NewOffer r) {
  auto sponsor =
      co_await db_.read([&](db::Tx& tx) { return db::SponsorRepository::find(tx, sponsor_id); });
  if (!sponsor) throw Error(ErrorCode::kNotFound, "Record not found");
  co_await require_manager(actor, sponsor->community);
  domain::SponsorOffer o;
  o.sponsor_id = sponsor_id;
  o.sponsor_name = sponsor->name;
  if (r.title.empty()) throw validation_failed("Title can't be blank");
  o.title = bounded_text(r.title, 100, "Title");
  o.description = bounded_text(r.description, 1000, "Description");
  o.code = bounded_text(r.code, 100, "Code");
  o.starts_at = r.starts_at.value_or(std::chrono::system_clock::now());
  if (r.ends_at) {
    if (*r.ends_at <= o.starts_at) throw validation_failed("Ends at must be after starts at");
    o.ends_at = r.ends_at;
  }
  if (r.plan_ids.size() > 50) throw validation_failed("At most 50 plans");
  o.plan_ids = r.plan_ids;
  o.id = ids_.next();
  o.created_by = "@" + actor.account.username;
  co_await db_.tx([&](db::Tx& tx) {
    for (auto plan : o.plan_ids) {
      if (!db::MembershipRepository::plan_exists(tx, plan))
        throw validation_failed("Plan does not exist");
    }
    db::SponsorRepository::insert_offer(tx, o);
  });
  co_return o;
}

awaitable<std::vector<domain::SponsorOffer>> SponsorService::offers(domain::UserWithAccount actor) {
  co_return co_await db_.read([&](db::Tx& tx) {
    // An offer belongs to the community of its sponsor.
    std::unordered_map<std::int64_t, std::optional<std::string>> community_of_sponsor;
    for (const auto& s : db::SponsorRepository::all(tx)) community_of_sponsor[s.id] = s.community;
    return managed_rows(tx, actor, db::SponsorRepository::offers(tx),
                        [&](const domain::SponsorOffer& o) {
                          auto it = community_of_sponsor.find(o.sponsor_id);
                          return it == community_of_sponsor.end() ? std::nullopt : it->second;
                        });
  });
}

awaitable<std::vector<domain::SponsorOffer>> SponsorService::offers_for_member(
    std::int64_t account_id) {
  int grace_days = config_.funding.grace_days;
  co_return co_await db_.read([&](db::Tx& tx) {
    return db::SponsorRepository::offers_for_member(tx, account_id, grace_days);
  });
}

awaitable<void> SponsorService::add_curator(domain::UserWithAccount admin, std::int64_t account_id,
                                            std::string community) {
  if (!is_administrator(admin)) throw forbidden();
  auto name = TagService::normalized(community);
  if (!name) throw validation_failed("Community must be a hashtag name");
  co_await db_.tx([&](db::Tx& tx) {
    auto account = db::AccountRepository::find(tx, account_id);
    if (!account || account->domain) throw validation_failed("Account must be a local account");
    db::SponsorRepository::add_curator(tx, account_id, *name, "@" + admin.account.username);
  });
}

awaitable<void> SponsorService::remove_curator(domain::UserWithAccount admin,
                                               std::int64_t account_id, std::string community) {
  if (!is_administrator(admin)) throw forbidden();
  auto name = TagService::normalized(community);
  if (!name) throw Error(ErrorCode::kNotFound, "Record not found");
  bool removed = co_await db_.tx(
      [&](db::Tx& tx) { return db::SponsorRepository::remove_curator(tx, account_id, *name); });
  if (!removed) throw Error(ErrorCode::kNotFound, "Record not found");
}

awaitable<std::vector<domain::CommunityCurator>> SponsorService::curators(
    domain::UserWithAccount admin) {
  if (!is_administrator(admin)) throw forbidden();
  co_return co_await db_.read([](db::Tx& tx) { return db::SponsorRepository::curators(tx); });
}

std::optional<domain::PlacementView> SponsorService::pick_and_count(
    db::Tx& tx, const std::string& surface, const std::optional<std::string>& community) {
  auto live = db::SponsorRepository::live(tx, surface, community);
  if (live.empty()) return std::nullopt;
  auto chosen = live[pick(live)];
  db::SponsorRepository::count_impression(tx, chosen.placement.id);
  return chosen;
}

std::size_t SponsorService::pick(const std::vector<domain::PlacementView>& live) {
  int total = 0;
  for (const auto& v : live) total += v.placement.weight;
  int ticket = 0;
  {
    std::lock_guard lock(random_mutex_);
    ticket = std::uniform_int_distribution<int>(0, total - 1)(random_);
  }
  for (std::size_t i = 0; i < live.size(); ++i) {
    ticket -= live[i].placement.weight;
    if (ticket < 0) return i;
  }
  return live.size() - 1;
}

awaitable<std::optional<domain::PlacementView>> SponsorService::show(
    std::string surface, std::optional<std::string> community,
    std::optional<std::int64_t> viewer_account_id) {
  int grace_days = config_.funding.grace_days;
  co_return co_await db_.tx([&](db::Tx& tx) -> std::optional<domain::PlacementView> {
    if (viewer_account_id && current_entitlements(tx, *viewer_account_id, grace_days).ad_free) {
      return std::nullopt;
    }
    return pick_and_count(tx, surface, community);
  });
}

awaitable<std::optional<domain::PlacementView>> SponsorService::announcement_for(
    std::int64_t account_id) {
  int grace_days = config_.funding.grace_days;
  co_return co_await db_.tx([&](db::Tx& tx) -> std::optional<domain::PlacementView> {
    if (db::SponsorRepository::sponsored_announcements_hidden(tx, account_id) ||
        current_entitlements(tx, account_id, grace_days).ad_free) {
      return std::nullopt;
    }
    return pick_and_count(tx, "announcements", std::nullopt);
  });
}

awaitable<void> SponsorService::dismiss_announcements(std::int64_t account_id) {
  co_await db_.tx([&](db::Tx& tx) {
    db::SponsorRepository::hide_sponsored_announcements(tx, account_id, kAnnouncementQuietDays);
  });
}

awaitable<std::string> SponsorService::click(std::int64_t placement_id) {
  auto target = co_await db_.tx([&](db::Tx& tx) -> std::optional<std::string> {
    if (!db::SponsorRepository::count_click(tx, placement_id)) return std::nullopt;
    return db::SponsorRepository::find_placement(tx, placement_id)->link_url;
  });
  if (!target) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return *target;
}

awaitable<SponsorDisclosure> SponsorService::disclosure() {
  co_return co_await db_.read([](db::Tx& tx) {
    auto offers = db::SponsorRepository::offers(tx);
    for (auto& o : offers) o.code.clear();  // codes are for members
    return SponsorDisclosure{db::SponsorRepository::all(tx), db::SponsorRepository::placements(tx),
                             std::move(offers)};
  });
}

}  // namespace lox::services
