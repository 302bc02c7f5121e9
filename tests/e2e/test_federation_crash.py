"""Deliveries survive a crash: one post to 1,000 inboxes served by a local recording sink
(ten ports, so ten hosts for the per-host limit), `kill -9` of the server mid-way, a restart on
the same database. Every inbox receives the activity at least once, and the deliveries beyond
1,000 are at most the jobs that were in flight when the process died. Also checks that no host
ever had more than two deliveries open at once."""

import json
import signal
import threading
import time
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from loxodon_e2e import Database, Server, create_user, wait_until

INBOXES = 1000
PORTS = 10


class RecordingSink:
    """Inboxes /inbox/N on several ports; records each POST when its body has arrived and
    answers 202 a little later, so deliveries overlap like real network round trips."""

    def __init__(self, delay=0.04):
        self.lock = threading.Lock()
        self.received = []  # (port, path, activity id)
        self.open = {}  # port -> requests being answered now
        self.peak = {}
        self.servers = []
        sink = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                port = self.server.server_address[1]
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with sink.lock:
                    sink.received.append((port, self.path, json.loads(body).get("id")))
                    sink.open[port] = sink.open.get(port, 0) + 1
                    sink.peak[port] = max(sink.peak.get(port, 0), sink.open[port])
                time.sleep(delay)
                with sink.lock:
                    sink.open[port] -= 1
                self.send_response(202)
                self.send_header("Content-Length", "0")
                self.end_headers()

        for _ in range(PORTS):
            httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
            httpd.daemon_threads = True
            threading.Thread(target=httpd.serve_forever, daemon=True).start()
            self.servers.append(httpd)
        self.ports = [s.server_address[1] for s in self.servers]

    def count(self):
        with self.lock:
            return len(self.received)

    def close(self):
        for s in self.servers:
            s.shutdown()


class DeliveryCrashTest(unittest.TestCase):
    def setUp(self):
        self.db = Database()
        self.sink = RecordingSink()
        self.env = {"LOXODON_ALLOW_PRIVATE_ADDRESSES": "true",
                    "LOXODON_JOBS_LEASE_SECONDS": "2",
                    "LOXODON_JOBS_REAPER_INTERVAL_SECONDS": "1",
                    "LOXODON_JOBS_WORKERS": "16"}
        self.first = Server(self.db.url, extra_env=self.env)
        self.second = None

    def tearDown(self):
        self.first.close()
        if self.second:
            self.second.close()
        self.sink.close()
        self.db.close()

    def test_every_inbox_gets_the_post_after_kill_9(self):
        alice = create_user(self.db.url, self.first, "alice")
        ports = ",".join(str(p) for p in self.sink.ports)
        # 1,000 remote followers, each with its own inbox (no shared inbox), on ten hosts.
        self.db.query(f"""
            INSERT INTO accounts (id, username, domain, uri, url, inbox_url)
            SELECT 1000000 + g, 'f' || g, '127.0.0.1:' || p, 'http://127.0.0.1:' || p
                   || '/users/f' || g, 'http://127.0.0.1:' || p || '/@f' || g,
                   'http://127.0.0.1:' || p || '/inbox/' || g
            FROM generate_series(0, {INBOXES - 1}) g,
                 LATERAL (SELECT (ARRAY[{ports}])[g % {PORTS} + 1] AS p) ports;
            INSERT INTO follows (id, account_id, target_account_id)
            SELECT 2000000 + g, 1000000 + g, a.id FROM generate_series(0, {INBOXES - 1}) g,
                   accounts a WHERE a.username = 'alice' AND a.domain IS NULL;""")

        status = alice.status_post("To every follower, even through a crash")
        self.assertTrue(wait_until(lambda: self.sink.count() >= 150, 60),
                        f"deliveries did not start: {self.sink.count()}\n{self.first.logs()}")
        self.first.proc.send_signal(signal.SIGKILL)
        self.first.proc.wait()
        # Its jobs still hold their leases: exactly the ones in flight when it died.
        in_flight = int(self.db.query(
            "SELECT count(*) FROM jobs WHERE kind = 'activitypub.deliver' AND state = 'running'"))
        before_restart = self.sink.count()
        self.assertLess(before_restart, INBOXES, "the kill came too late to test anything")
        self.assertGreater(in_flight, 0)

        self.second = Server(self.db.url, domain_port=self.first.port, extra_env=self.env)
        done = wait_until(lambda: self.db.query(
            "SELECT count(*) FROM jobs WHERE kind = 'activitypub.deliver'") == "0", 120)
        self.assertTrue(done, self.second.logs())

        with self.sink.lock:
            received = list(self.sink.received)
        inboxes = {(port, path) for port, path, _ in received}
        self.assertEqual(len(inboxes), INBOXES)
        self.assertEqual({activity for _, _, activity in received},
                         {f"http://localhost:{self.first.port}/users/alice/statuses/"
                          f"{status['id']}/activity"})
        duplicates = len(received) - INBOXES
        self.assertLessEqual(duplicates, in_flight,
                             f"{duplicates} repeated deliveries, {in_flight} in flight at the kill")
        self.assertLessEqual(max(self.sink.peak.values()), 2, self.sink.peak)
        print(f"\n  crash test: {before_restart} delivered before kill -9, {in_flight} in flight, "
              f"{duplicates} delivered twice, {len(received)} in all", flush=True)


if __name__ == "__main__":
    unittest.main()
