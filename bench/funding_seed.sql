-- The funding pages' benchmark dataset: 10,000 ledger entries over two years (a quarter of them
-- costs in four categories, the rest donations, memberships and sponsorships), and a goal.
-- Apply to a migrated database: psql "$LOXODON_DATABASE_URL" -f bench/funding_seed.sql
INSERT INTO ledger_entries (id, direction, source, category, amount_minor, currency, occurred_at,
                            recorded_by)
SELECT 1000000 + g,
       CASE WHEN g % 4 = 0 THEN 'out' ELSE 'in' END,
       CASE WHEN g % 4 = 0 THEN 'cost' WHEN g % 4 = 1 THEN 'donation'
            WHEN g % 4 = 2 THEN 'membership' ELSE 'sponsorship' END,
       CASE WHEN g % 4 = 0 THEN (ARRAY['Hosting', 'Moderation', 'Domains', 'Backups'])[1 + (g / 4) % 4]
            ELSE '' END,
       100 + (g * 37) % 5000, 'EUR', now() - ((g % 730) || ' days')::interval, '@bench'
FROM generate_series(1, 10000) g;
INSERT INTO funding_settings (currency, monthly_goal_minor, reserve_target_minor, updated_by)
VALUES ('EUR', 500000, 1500000, '@bench');
