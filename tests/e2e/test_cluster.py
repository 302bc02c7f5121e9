"""Loxodon as an instance that has outgrown one process runs it: nginx in front of two
`loxodon serve` processes, both reaching PostgreSQL through PgBouncer in transaction pooling mode
(LOXODON_DATABASE_PREPARED_STATEMENTS=false, LISTEN and migrations on
LOXODON_DATABASE_DIRECT_URL), reading timelines, statuses and accounts from a streaming replica
(LOXODON_DATABASE_REPLICA_URL), keeping media in one S3-compatible bucket. Through nginx, which
keeps each member on one process as the admin guide advises, a member's day works with Mastodon.py, an upload processed by either process is served by both, streaming
events cross from one process to the other, and four clients posting to both at once all
succeed."""

import concurrent.futures
import io
import json
import time
import unittest
import urllib.parse

from mastodon import Mastodon
from PIL import Image
from prometheus_client.parser import text_string_to_metric_families

from infra import Nginx, PgBouncer, PostgresCluster, S3rver
from loxodon_e2e import Server, StreamSocket, free_port, get, run_cli, wait_until

CLIENTS = 4
POSTS_PER_CLIENT = 100


class ClusterTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.primary = PostgresCluster()
        cls.primary.query("CREATE DATABASE loxodon")
        cls.bouncer = PgBouncer(cls.primary)
        cls.s3 = S3rver()
        cls.database = {
            "LOXODON_DATABASE_URL": cls.bouncer.url_of("loxodon"),
            "LOXODON_DATABASE_DIRECT_URL": cls.primary.url_of("loxodon"),
            "LOXODON_DATABASE_PREPARED_STATEMENTS": "false",
        }
        run_cli(["migrate"], env=cls.database, check=True)
        cls.replica = PostgresCluster(replica_of=cls.primary)
        cls.database["LOXODON_DATABASE_REPLICA_URL"] = cls.replica.url_of("loxodon")
        nginx_port = free_port()
        env = dict(cls.database, LOXODON_RATE_LIMITS_ENABLED="false",
                   LOXODON_HTTP_TRUSTED_PROXIES="127.0.0.1", **cls.s3.env())
        cls.metrics_ports = [free_port(), free_port()]
        cls.servers = [Server(cls.database["LOXODON_DATABASE_URL"], domain_port=nginx_port,
                              extra_env=dict(env, LOXODON_METRICS_LISTEN=f"127.0.0.1:{port}"))
                       for port in cls.metrics_ports]
        cls.nginx = Nginx([s.port for s in cls.servers], port=nginx_port, sticky=True)
        cls.cli_env = dict(cls.database, LOXODON_DOMAIN=f"localhost:{nginx_port}",
                           LOXODON_SCHEME="http")
        cls.tokens = {}
        for name in ["alice", "bob"] + [f"poster{i}" for i in range(CLIENTS)]:
            run_cli(["accounts", "create", name, "--email", f"{name}@example.com", "--password",
                     "correct horse battery"], env=cls.cli_env, check=True)
            cls.tokens[name] = run_cli(["tokens", "create", name, "--scopes", "read write follow"],
                                       env=cls.cli_env, check=True).stdout.strip()

    @classmethod
    def tearDownClass(cls):
        for server in cls.servers:
            server.stop()
            server.close()
        cls.nginx.stop()
        cls.bouncer.stop()
        cls.replica.stop()
        cls.primary.stop()
        cls.s3.close()

    def api(self, name, base=None):
        return Mastodon(access_token=self.tokens[name], api_base_url=base or self.nginx.base)

    def test_a_members_day_through_nginx_and_pgbouncer(self):
        alice, bob = self.api("alice"), self.api("bob")
        bob_account = alice.account_lookup("bob")
        alice.account_follow(bob_account["id"])
        image = io.BytesIO()
        Image.new("RGB", (64, 48), (200, 40, 40)).save(image, "PNG")
        media = bob.media_post(image.getvalue(), mime_type="image/png", description="red",
                               synchronous=True)
        post = bob.status_post("hello from behind the balancer", media_ids=[media["id"]])
        # Followers' home feeds are filled by a job, as Mastodon's are.
        self.assertTrue(wait_until(lambda: post["id"] in [s["id"] for s in alice.timeline_home()]),
                        "the post never reached the follower's home timeline")
        alice.status_favourite(post["id"])
        alice.status_reply(post, "and hello back")
        # Notifications of a reply are made by its job, so they may take a moment.
        wanted = {"favourite", "mention", "follow"}
        kinds = wait_until(lambda: wanted <= {n["type"] for n in bob.notifications()})
        self.assertTrue(kinds, [n["type"] for n in bob.notifications()])
        # Alice's favourite reaches bob's reads once the replica has replayed it.
        self.assertTrue(wait_until(lambda: bob.status(post["id"])["favourites_count"] == 1))
        attachment = bob.status(post["id"])["media_attachments"][0]
        # The file is in the bucket, and both processes serve it, whichever one processed it.
        key = urllib.parse.urlparse(attachment["url"]).path.split("/system/media/", 1)[1]
        self.assertIn(key, self.s3.objects())
        path = urllib.parse.urlparse(attachment["url"]).path
        for server in self.servers:
            status, _, body = get(server.base + path)
            self.assertEqual(status, 200, path)
            self.assertGreater(len(body), 0)
        self.assertEqual(bob.account_verify_credentials()["statuses_count"], 1)

    def open_stream(self, server):
        """A user stream of alice's on `server`, the token in the query as apps send it."""
        stream = StreamSocket(server, "?stream=user", token=self.tokens["alice"],
                              header_token=False)
        time.sleep(0.5)  # the server subscribes after the handshake; events before are not sent
        return stream

    def wait_for_update(self, stream, status_id):
        frame = stream.next(lambda f: f.get("event") == "update" and
                            json.loads(f["payload"])["id"] == str(status_id))
        self.assertIsNotNone(frame, "the update never arrived")

    def test_streaming_events_cross_from_one_process_to_the_other(self):
        stream = self.open_stream(self.servers[1])
        try:
            posted = self.api("alice", self.servers[0].base).status_post("posted on the first")
            self.wait_for_update(stream, posted["id"])
        finally:
            stream.close()

    def test_a_lost_listen_connection_closes_streams_instead_of_losing_events(self):
        stream = self.open_stream(self.servers[0])
        try:
            # Ends the LISTEN sessions of both processes, as a database failover would.
            self.primary.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE query LIKE 'LISTEN%'", database="loxodon")
            # Closed by the server: the app reconnects and reloads.
            self.assertTrue(stream.ended.wait(15), "the stream stayed open")
        finally:
            stream.close()
        self.servers[0].wait_log("streaming connections so their apps reload", timeout=10)
        stream = self.open_stream(self.servers[0])
        try:
            posted = self.api("alice", self.servers[1].base).status_post("after the reconnect")
            self.wait_for_update(stream, posted["id"])
        finally:
            stream.close()

    def post_many(self, client):
        token = self.tokens[f"poster{client}"]
        results = []
        for i in range(POSTS_PER_CLIENT):
            base = self.servers[i % 2].base if i % 3 else self.nginx.base
            body = urllib.parse.urlencode({"status": f"client {client} post {i}"}).encode()
            status, _, raw = get(base + "/api/v1/statuses", method="POST", data=body,
                                 headers={"Authorization": f"Bearer {token}",
                                          "Content-Type": "application/x-www-form-urlencoded"})
            results.append((status, raw))
        return results

    def test_four_clients_posting_to_both_processes_never_fail(self):
        with concurrent.futures.ThreadPoolExecutor(CLIENTS) as pool:
            results = [r for f in [pool.submit(self.post_many, c) for c in range(CLIENTS)]
                       for r in f.result()]
        failures = [(status, raw[:200]) for status, raw in results if status != 200]
        self.assertEqual(failures, [], f"{len(failures)} of {len(results)} posts failed")
        ids = {json.loads(raw)["id"] for _, raw in results}
        self.assertEqual(len(ids), CLIENTS * POSTS_PER_CLIENT)
        # Each process counted the posts it answered; together, all of them.
        counted = sum(self.posts_counted(port) for port in self.metrics_ports)
        self.assertGreaterEqual(counted, CLIENTS * POSTS_PER_CLIENT)

    def posts_counted(self, port):
        status, _, body = get(f"http://127.0.0.1:{port}/metrics")
        self.assertEqual(status, 200)
        total = 0
        for family in text_string_to_metric_families(body.decode()):
            for sample in family.samples:
                if (sample.name == "loxodon_http_requests_total" and
                        sample.labels.get("route") == "/api/v1/statuses" and
                        sample.labels.get("method") == "POST" and
                        sample.labels.get("status") == "200"):
                    total += sample.value
        self.assertGreater(total, 0, "every process answered some of the posts")
        return total


if __name__ == "__main__":
    unittest.main()
