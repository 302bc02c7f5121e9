"""Observability from the outside: Prometheus metrics on LOXODON_METRICS_LISTEN read with
Prometheus' own parser (requests by route pattern, jobs, the database pool), JSON logs with
LOXODON_LOG_FORMAT=json (every line one object), and X-Request-Id kept from the proxy."""

import json
import unittest
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

from loxodon_e2e import Database, Server, create_user, free_port, get, wait_until


def scrape(port):
    """{(sample name, frozenset of labels): value} of one scrape."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as res:
        text = res.read().decode()
    samples = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            samples[(s.name, frozenset(s.labels.items()))] = s.value
    return samples


def value(samples, name, **labels):
    return samples.get((name, frozenset(labels.items())), 0.0)


def requests_of(samples, route, method="GET", status="200"):
    return value(samples, "loxodon_http_requests_total", route=route, method=method,
                 status=status)


class MetricsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        cls.metrics_port = free_port()
        cls.server = Server(cls.db.url, extra_env={
            "LOXODON_METRICS_LISTEN": f"127.0.0.1:{cls.metrics_port}",
            "LOXODON_LOG_FORMAT": "json",
        })
        cls.api = create_user(cls.db.url, cls.server, "mira")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server.close()
        cls.db.close()

    def test_requests_jobs_and_pool_are_counted(self):
        before = scrape(self.metrics_port)
        # A route no client library calls by itself (Mastodon.py reads the instance).
        for _ in range(3):
            status, _, _ = get(self.server.base + "/api/v1/custom_emojis")
            self.assertEqual(status, 200)
        posted = self.api.status_post("counted by the fan-out job")
        for _ in range(2):
            status, _, _ = get(self.server.base + f"/api/v1/statuses/{posted['id']}")
            self.assertEqual(status, 200)
        status, _, _ = get(self.server.base + "/no/such/page/12345")
        self.assertEqual(status, 404)

        def fan_out_done():
            s = scrape(self.metrics_port)
            return s if value(s, "loxodon_jobs_completed_total", kind="status.fan_out") >= 1 \
                else None
        after = wait_until(fan_out_done, timeout=20)
        self.assertIsNotNone(after, "no status.fan_out job was counted as completed")

        # Labelled by the route's pattern, never the path: one series for every status id.
        self.assertEqual(requests_of(after, "/api/v1/custom_emojis")
                         - requests_of(before, "/api/v1/custom_emojis"), 3)
        self.assertEqual(requests_of(after, "/api/v1/statuses/:id")
                         - requests_of(before, "/api/v1/statuses/:id"), 2)
        self.assertEqual(requests_of(after, "/api/v1/statuses", "POST")
                         - requests_of(before, "/api/v1/statuses", "POST"), 1)
        self.assertGreaterEqual(requests_of(after, "unmatched", status="404"), 1)
        self.assertFalse(any(name == "loxodon_http_requests_total"
                             and dict(labels).get("route", "").startswith("/no/such")
                             for name, labels in after))
        duration_count = "loxodon_http_request_duration_seconds_count"
        self.assertEqual(value(after, duration_count, route="/api/v1/custom_emojis")
                         - value(before, duration_count, route="/api/v1/custom_emojis"), 3)

        # The database pool: every request above waited (if only microseconds) for a connection.
        self.assertGreater(value(after, "loxodon_db_pool_wait_seconds_count"),
                           value(before, "loxodon_db_pool_wait_seconds_count"))
        in_use = value(after, "loxodon_db_pool_in_use")
        self.assertTrue(0 <= in_use <= 4, in_use)
        # Sampled from the database at start and every 15 s: present, never negative.
        states = {dict(labels)["state"]: v for (name, labels), v in after.items()
                  if name == "loxodon_jobs"}
        self.assertEqual(set(states), {"available", "retryable", "running", "discarded"})
        self.assertTrue(all(v >= 0 for v in states.values()), states)
        self.assertGreaterEqual(value(after, "loxodon_job_duration_seconds_count",
                                      kind="status.fan_out"), 1)
        self.assertEqual(value(after, "loxodon_streaming_connections"), 0)
        self.assertEqual(value(after, "loxodon_streaming_drops_total"), 0)

    def test_metrics_are_not_served_on_the_public_port(self):
        status, _, _ = get(self.server.base + "/metrics")
        self.assertEqual(status, 404)

    def test_request_id_from_the_proxy_is_kept_and_logged(self):
        status, headers, _ = get(self.server.base + "/api/v1/instance",
                                 headers={"X-Request-Id": "abc-123"})
        self.assertEqual(status, 200)
        self.assertEqual(headers["X-Request-Id"], "abc-123")
        # Not plainly an id: replaced by one of the server's own.
        status, headers, _ = get(self.server.base + "/api/v1/instance",
                                 headers={"X-Request-Id": "x\" forged=1"})
        self.assertEqual(status, 200)
        self.assertNotIn("forged", headers["X-Request-Id"])
        self.assertTrue(headers["X-Request-Id"])

        self.server.wait_log('"request_id":"abc-123"')
        lines = [json.loads(line) for line in self.server.logs().splitlines() if line.strip()]
        ours = [line for line in lines if line.get("request_id") == "abc-123"]
        self.assertEqual(len(ours), 1, ours)
        line = ours[0]
        self.assertEqual(line["method"], "GET")
        self.assertEqual(line["route"], "/api/v1/instance")
        self.assertEqual(line["status"], 200)
        self.assertIsInstance(line["duration_ms"], (int, float))
        self.assertEqual(line["level"], "info")
        self.assertTrue(line["time"].endswith("Z"))

    def test_every_log_line_is_one_json_object(self):
        # A path with quotes, backslashes and escapes must not break a line.
        get(self.server.base + "/api/v1/%22quoted%22%5C%0A")
        self.server.wait_log("quoted")
        for line in self.server.logs().splitlines():
            if not line.strip():
                continue
            parsed = json.loads(line)  # raises on anything that is not JSON
            self.assertIsInstance(parsed, dict, line)
            for key in ("time", "level", "logger", "message"):
                self.assertIn(key, parsed, line)


if __name__ == "__main__":
    unittest.main()
