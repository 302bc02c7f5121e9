"""Two `loxodon serve` processes on one database share one API rate limit: each counts the
requests it admits and adds them to the database's counts every sync interval, so a client
alternating between them is refused after about the limit in total, not after twice the limit,
and X-RateLimit-Remaining counts the requests made through the other process too."""

import time
import unittest

from loxodon_e2e import Database, Server, create_user, get

LIMIT = 40
SYNC_MS = 100
# What the two processes may admit past the limit: each decides alone between exchanges, and a
# client spacing its requests as below reaches each process a few times per interval.
SLACK = 10
PAUSE = 0.025  # between requests, so an interval sees a handful of them, not hundreds
SETTLE = 0.6   # long enough for both processes to exchange their counts


class SharedRateLimitsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Windows are aligned to midnight UTC: starting within a minute of it, wait it out.
        to_midnight = 86400 - time.time() % 86400
        if to_midnight < 60:
            time.sleep(to_midnight + 1)
        cls.db = Database()
        limits = {
            "LOXODON_RATE_LIMITS_EXEMPT_LOOPBACK": "false",
            "LOXODON_RATE_LIMITS_REQUESTS_PER_WINDOW": str(LIMIT),
            # A day, aligned to midnight UTC: the test does not straddle a window's end.
            "LOXODON_RATE_LIMITS_WINDOW_SECONDS": "86400",
            "LOXODON_RATE_LIMITS_SYNC_INTERVAL_MS": str(SYNC_MS),
        }
        cls.first = Server(cls.db.url, extra_env=limits)
        cls.second = Server(cls.db.url, domain_port=cls.first.port, extra_env=limits)

    @classmethod
    def tearDownClass(cls):
        for server in (cls.first, cls.second):
            server.stop()
            server.close()
        cls.db.close()

    def token_for(self, name):
        return create_user(self.db.url, self.first, name, scopes="read").access_token

    def call(self, server, token):
        status, headers, body = get(server.base + "/api/v1/accounts/verify_credentials",
                                    headers={"Authorization": f"Bearer {token}"})
        self.assertIn(status, (200, 429), body[:200])
        self.assertEqual(headers["X-RateLimit-Limit"], str(LIMIT))
        return status, int(headers["X-RateLimit-Remaining"])

    def test_remaining_counts_the_requests_made_through_the_other_process(self):
        token = self.token_for("headers")
        for i in range(5):
            self.assertEqual(self.call(self.first, token), (200, LIMIT - 1 - i))
        time.sleep(SETTLE)
        # The second process has not seen this client yet: it learns the totals when it sends
        # its own count for the first time.
        self.assertEqual(self.call(self.second, token)[0], 200)
        time.sleep(SETTLE)
        # 5 through the first process, 1 through the second, and this one.
        self.assertEqual(self.call(self.second, token), (200, LIMIT - 7))
        time.sleep(SETTLE)
        # The first process last heard 5 and admits this one on that; its exchange brings 8.
        self.assertEqual(self.call(self.first, token), (200, LIMIT - 6))
        time.sleep(SETTLE)
        self.assertEqual(self.call(self.first, token), (200, LIMIT - 9))

    def test_alternating_between_processes_is_refused_after_about_the_limit(self):
        token = self.token_for("burst")
        admitted = 0
        refused_in_a_row = 0
        for i in range(3 * LIMIT):
            server = self.first if i % 2 == 0 else self.second
            status, remaining = self.call(server, token)
            if status == 200:
                admitted += 1
                refused_in_a_row = 0
            else:
                self.assertEqual(remaining, 0)
                refused_in_a_row += 1
                if refused_in_a_row == 6:  # both processes refuse, three times each
                    break
            time.sleep(PAUSE)
        self.assertEqual(refused_in_a_row, 6, f"never refused after {admitted} requests")
        self.assertGreaterEqual(admitted, LIMIT)
        self.assertLessEqual(admitted, LIMIT + SLACK,
                             f"{admitted} admitted: the processes did not share their counts")
        # Every admitted request reached the shared count, whichever process admitted it.
        time.sleep(SETTLE)
        account_id = self.db.query("SELECT id FROM accounts WHERE username = 'burst'")
        self.assertEqual(self.db.query(
            f"SELECT sum(hits) FROM rate_limit_hits WHERE key = 'account:{account_id}'"),
            str(admitted))


if __name__ == "__main__":
    unittest.main()
