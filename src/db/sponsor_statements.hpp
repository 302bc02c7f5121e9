#pragma once
// Prepared statements for sponsors, placements, their daily counters and community curators
// (sponsor_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

#define LOX_SPONSOR_COLUMNS                                                                        \
  "s.id, s.kind, s.name, s.url, s.logo_key, s.tier, s.price_band, s.terms, "                       \
  "to_char(s.starts_on, 'YYYY-MM-DD'), to_char(s.ends_on, 'YYYY-MM-DD'), s.renewal, s.community, " \
  "s.created_by"
#define LOX_PLACEMENT_COLUMNS                                                                    \
  "p.id, p.sponsor_id, p.surface, p.community, p.headline, p.body, p.link_url, p.creative_key, " \
  "p.creative_description, p.weight, (extract(epoch FROM p.starts_at) * 1000)::bigint, "         \
  "(extract(epoch FROM p.ends_at) * 1000)::bigint, p.created_by"

inline constexpr std::array kSponsorStatements = {
    Statement{"sponsor_insert",
              "INSERT INTO sponsors (id, kind, name, url, logo_key, tier, price_band, terms, "
              "starts_on, ends_on, renewal, community, created_by) VALUES ($1, $2, $3, $4, $5, "
              "$6, $7, $8, $9::date, $10::date, $11, $12, $13)"},
    Statement{"sponsor_find", "SELECT " LOX_SPONSOR_COLUMNS " FROM sponsors s WHERE s.id = $1"},
    Statement{"sponsors_all",
              "SELECT " LOX_SPONSOR_COLUMNS
              " FROM sponsors s ORDER BY (s.ends_on IS NULL OR s.ends_on >= current_date) DESC, "
              "s.starts_on DESC, s.id DESC"},
    Statement{"placement_insert",
              "INSERT INTO sponsored_placements (id, sponsor_id, surface, community, headline, "
              "body, link_url, creative_key, creative_description, weight, starts_at, ends_at, "
              "created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
              "to_timestamp($11::bigint / 1000.0), to_timestamp($12::bigint / 1000.0), $13)"},
    Statement{"placement_find",
              "SELECT " LOX_PLACEMENT_COLUMNS " FROM sponsored_placements p WHERE p.id = $1"},
    Statement{"placements_all",
              "SELECT " LOX_PLACEMENT_COLUMNS
              " FROM sponsored_placements p ORDER BY p.starts_at DESC, p.id DESC"},
    // Ends a placement now (or keeps an earlier end).
    Statement{"placement_end",
              "UPDATE sponsored_placements SET ends_at = CASE WHEN ends_at IS NOT NULL AND "
              "ends_at < now() THEN ends_at ELSE greatest(now(), starts_at + interval '1 "
              "millisecond') END WHERE id = $1"},
    // What may show on a surface now (with its sponsor), for the weighted pick.
    Statement{"placements_live",
              "SELECT " LOX_PLACEMENT_COLUMNS ", " LOX_SPONSOR_COLUMNS
              " FROM sponsored_placements p JOIN sponsors s ON s.id = p.sponsor_id "
              "WHERE p.surface = $1 AND p.community IS NOT DISTINCT FROM $2 AND p.starts_at <= "
              "now() AND (p.ends_at IS NULL OR p.ends_at > now()) AND s.starts_on <= current_date "
              "AND (s.ends_on IS NULL OR "
              "s.ends_on >= current_date) ORDER BY p.id"},
    Statement{"placement_count_impression",
              "INSERT INTO sponsored_placement_days (placement_id, day, impressions) VALUES ($1, "
              "(now() AT TIME ZONE 'UTC')::date, 1) ON CONFLICT (placement_id, day) DO UPDATE "
              "SET impressions = sponsored_placement_days.impressions + 1"},
    Statement{"placement_count_click",
              "INSERT INTO sponsored_placement_days (placement_id, day, clicks) SELECT id, "
              "(now() AT TIME ZONE 'UTC')::date, 1 FROM sponsored_placements WHERE id = $1 "
              "ON CONFLICT (placement_id, day) DO UPDATE "
              "SET clicks = sponsored_placement_days.clicks + 1"},
    Statement{"placement_days",
              "SELECT to_char(day, 'YYYY-MM-DD'), impressions, clicks FROM "
              "sponsored_placement_days WHERE placement_id = $1 ORDER BY day DESC LIMIT 400"},
    Statement{"curator_insert",
              "INSERT INTO community_curators (account_id, community, granted_by) VALUES ($1, "
              "$2, $3) ON CONFLICT DO NOTHING"},
    Statement{"curator_delete",
              "DELETE FROM community_curators WHERE account_id = $1 AND community = $2"},
    Statement{"curator_exists",
              "SELECT 1 FROM community_curators WHERE account_id = $1 AND community = $2"},
    Statement{"curators_all",
              "SELECT c.account_id, a.username, c.community, c.granted_by FROM "
              "community_curators c JOIN accounts a ON a.id = c.account_id "
              "ORDER BY c.community, a.username"},
    Statement{"curator_communities",
              "SELECT community FROM community_curators WHERE account_id = $1 ORDER BY 1"},
    Statement{"offer_insert",
              "INSERT INTO sponsor_offers (id, sponsor_id, title, description, code, plan_ids, "
              "starts_at, ends_at, created_by) VALUES ($1, $2, $3, $4, $5, $6::bigint[], "
              "to_timestamp($7::bigint / 1000.0), to_timestamp($8::bigint / 1000.0), $9)"},
    Statement{"offers_all",
              "SELECT o.id, o.sponsor_id, s.name, o.title, o.description, o.code, "
              "o.plan_ids::text, (extract(epoch FROM o.starts_at) * 1000)::bigint, "
              "(extract(epoch FROM o.ends_at) * 1000)::bigint, o.created_by FROM sponsor_offers o "
              "JOIN sponsors s ON s.id = o.sponsor_id ORDER BY o.starts_at DESC, o.id DESC"},
    // The offers `$1` may see now ($2: grace days): running, and `$1` holds a paid-up (active)
    // or comped membership of one of the offer's plans (any plan when it names none); a trial
    // or an unpaid renewal does not open codes that cost the sponsor.
    Statement{"offers_for_member",
              "SELECT o.id, o.sponsor_id, s.name, o.title, o.description, o.code, "
              "o.plan_ids::text, (extract(epoch FROM o.starts_at) * 1000)::bigint, "
              "(extract(epoch FROM o.ends_at) * 1000)::bigint, o.created_by FROM sponsor_offers o "
              "JOIN sponsors s ON s.id = o.sponsor_id WHERE o.starts_at <= now() AND (o.ends_at "
              "IS NULL OR o.ends_at > now()) AND EXISTS (SELECT 1 FROM memberships m JOIN "
              "membership_plans p ON p.id = m.plan_id WHERE m.account_id = $1 AND (p.price_minor "
              "> 0 OR m.status = 'comped') AND m.status IN ('active', 'comped') AND "
              "(m.current_period_end IS NULL OR m.current_period_end + "
              "make_interval(days => $2) > now()) AND (cardinality(o.plan_ids) = 0 OR m.plan_id "
              "= ANY (o.plan_ids))) ORDER BY o.starts_at DESC, o.id DESC"},
    // A person's own preference (set by dismissing a sponsored announcement); it names no
    // placement.
    Statement{"sponsored_announcements_hidden",
              "SELECT 1 FROM users WHERE account_id = $1 AND "
              "sponsored_announcements_hidden_until > now()"},
    Statement{"sponsored_announcements_hide",
              "UPDATE users SET sponsored_announcements_hidden_until = now() + make_interval(days "
              "=> $2) WHERE account_id = $1"},
};

#undef LOX_SPONSOR_COLUMNS
#undef LOX_PLACEMENT_COLUMNS

}  // namespace lox::db::sql
