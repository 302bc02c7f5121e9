"""A database that is down at start, or goes away while serving: /health says 503 and the
server recovers by itself when the database returns."""

import json
import threading
import time
import unittest

from loxodon_e2e import Cluster, Database, Server, get


class DatabaseOutageTest(unittest.TestCase):
    def setUp(self):
        self.cluster = Cluster()
        self.cluster.start()
        self.db = Database(admin=self.cluster.admin)

    def tearDown(self):
        self.cluster.close()

    def test_starts_without_database_and_recovers_after_outage(self):
        self.cluster.stop()
        server = Server(self.db.url, wait_healthy=False)
        try:
            status, _, body = get(server.base + "/health")
            self.assertEqual(status, 503)
            self.assertEqual(json.loads(body), {"error": "Database unavailable"})
            status, _, body = get(server.base + "/api/v2/instance")
            self.assertEqual(status, 503)
            self.assertIn("error", json.loads(body))

            self.cluster.start()
            server.wait_status("/health", 200, timeout=20)
            server.wait_status("/api/v2/instance", 200, timeout=10)

            self.cluster.stop()
            server.wait_status("/health", 503, timeout=20)
            # The instance document was cached and stays available; nothing crashed.
            status, _, body = get(server.base + "/api/v1/instance")
            self.assertIn(status, (200, 503))
            json.loads(body)
            time.sleep(0.5)
            self.assertIsNone(server.proc.poll(), server.logs())

            self.cluster.start()
            server.wait_status("/health", 200, timeout=20)

            # PostgreSQL restarted under load: while it is down, requests fail fast with 503
            # (none hangs), and the same load is served again once it is back.
            stop_load = threading.Event()
            answers = []  # (status, seconds)

            def load():
                while not stop_load.is_set():
                    started = time.time()
                    # A lookup reads the database every time (nothing cached): 404 when it is up.
                    status, _, _ = get(server.base + "/api/v1/accounts/lookup?acct=nobody")
                    answers.append((status, time.time() - started))

            workers = [threading.Thread(target=load) for _ in range(8)]
            for w in workers:
                w.start()
            time.sleep(0.5)
            self.cluster.stop()
            outage_started = len(answers)
            time.sleep(3)
            during = answers[outage_started:]
            self.cluster.start()
            server.wait_status("/health", 200, timeout=20)
            time.sleep(1)
            stop_load.set()
            for w in workers:
                w.join()
            self.assertTrue(any(status == 503 for status, _ in during), during[:20])
            self.assertLess(max(seconds for _, seconds in during), 5, "a request hung")
            self.assertEqual(answers[-1][0], 404)
            self.assertEqual(server.stop(), 0, server.logs())
            self.assertIn("database not reachable", server.logs())
        finally:
            server.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
