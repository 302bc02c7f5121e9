-- Benchmark dataset (bench/timelines only, never the test suite): :accounts local accounts
-- with a realistic follow graph (each follows 50 others, skewed towards "popular" low ids),
-- and :statuses statuses spread over the last 30 days, 90% public, 5% unlisted, 5% private.
-- The reader account user2 (which the benchmark signs in as) has its home feed filled as the
-- fan-out job would have done. Ids are snowflakes (ms << 16 | sequence).
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE seed_accounts AS
  SELECT n, ((extract(epoch FROM now() - interval '60 days') * 1000)::bigint << 16) + n AS id
  FROM generate_series(1, :accounts) n;
INSERT INTO accounts (id, username, display_name, uri, url, created_at, last_active_at)
  SELECT id, 'user' || n, 'User ' || n, :'base' || '/users/user' || n, :'base' || '/@user' || n,
         now() - interval '60 days', now()
  FROM seed_accounts;
INSERT INTO follows (id, account_id, target_account_id)
  SELECT ((extract(epoch FROM now() - interval '50 days') * 1000)::bigint << 16) + row_number() OVER (),
         x.account_id, t.id
  FROM (SELECT a.id AS account_id, 1 + floor(power(random(), 2) * :accounts)::int AS pick
        FROM seed_accounts a, generate_series(1, 50)) x
  JOIN seed_accounts t ON t.n = x.pick
  WHERE t.id <> x.account_id
  ON CONFLICT DO NOTHING;
INSERT INTO statuses (id, account_id, local, uri, url, text, content, visibility, created_at)
  SELECT ((extract(epoch FROM s.ts) * 1000)::bigint << 16) + (s.k % 65536), a.id, true,
         :'base' || '/users/user' || a.n || '/statuses/' || s.k, :'base' || '/@user' || a.n || '/' || s.k,
         'Benchmark status number ' || s.k, '<p>Benchmark status number ' || s.k || '</p>',
         CASE WHEN s.k % 20 = 0 THEN 2 WHEN s.k % 20 = 1 THEN 1 ELSE 0 END, s.ts
  FROM (SELECT g AS k, now() - (random() * interval '30 days') AS ts,
               1 + floor(random() * :accounts)::int AS author
        FROM generate_series(1, :statuses) g) s
  JOIN seed_accounts a ON a.n = s.author
  ON CONFLICT DO NOTHING;
-- The reader (user2) gets the home feed the fan-out job would have written for it.
INSERT INTO home_feed (account_id, status_id)
  SELECT f.account_id, s.id FROM follows f JOIN statuses s ON s.account_id = f.target_account_id
  WHERE f.account_id = (SELECT id FROM seed_accounts WHERE n = 2) AND s.visibility <> 3
  ON CONFLICT DO NOTHING;
INSERT INTO users (id, account_id, email, password_hash, role_id, confirmed_at)
  SELECT id, id, 'user2@bench.invalid', 'not-a-password', (SELECT id FROM user_roles WHERE name = 'user'), now()
  FROM seed_accounts WHERE n = 2;
COMMIT;
-- Freshly bulk-loaded pages still need their hint bits set and the visibility map built, which
-- the first readers would otherwise do (writing) while being measured.
VACUUM (ANALYZE);
