"""Two `loxodon serve` processes on one database, and a CLI command beside them, as an operator
runs them: four clients posting at once through both never get a colliding id (each process
leases its own id node in the database), and a process gives its node back when it stops."""

import concurrent.futures
import json
import unittest
import urllib.parse

from loxodon_e2e import Database, Server, create_user, get, run_cli

POSTS_PER_CLIENT = 400
CLIENTS = 4
SEQUENCE_BITS = 10


def node_of(status_id):
    return (int(status_id) >> SEQUENCE_BITS) & 63


class TwoProcessIdsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        quiet = {"LOXODON_RATE_LIMITS_ENABLED": "false"}
        cls.first = Server(cls.db.url, extra_env=quiet)
        cls.second = Server(cls.db.url, domain_port=cls.first.port, extra_env=quiet)
        cls.env = {"LOXODON_DATABASE_URL": cls.db.url,
                   "LOXODON_DOMAIN": f"localhost:{cls.first.port}", "LOXODON_SCHEME": "http"}
        cls.tokens = []
        for i in range(CLIENTS):
            name = f"poster{i}"
            cls.tokens.append(create_user(cls.db.url, cls.first, name, "read write").access_token)

    @classmethod
    def tearDownClass(cls):
        for server in (cls.first, cls.second):
            server.stop()
            server.close()
        cls.db.close()

    def post_many(self, client):
        token = self.tokens[client]
        results = []
        for i in range(POSTS_PER_CLIENT):
            server = self.first if i % 2 == 0 else self.second
            body = urllib.parse.urlencode({"status": f"client {client} post {i}"}).encode()
            status, _, raw = get(server.base + "/api/v1/statuses", method="POST", data=body,
                                 headers={"Authorization": f"Bearer {token}",
                                          "Content-Type": "application/x-www-form-urlencoded"})
            results.append((server is self.first, status, raw))
        return results

    def test_concurrent_posts_through_both_processes_all_succeed_with_distinct_ids(self):
        holders = self.db.query("SELECT count(*) FROM id_nodes")
        self.assertEqual(holders, "2", "each serve process holds one node; CLI commands gave theirs back")

        with concurrent.futures.ThreadPoolExecutor(CLIENTS + 1) as pool:
            posting = [pool.submit(self.post_many, c) for c in range(CLIENTS)]
            # An administrator's command in the middle of it takes a node of its own.
            cli = pool.submit(run_cli, ["accounts", "create", "latecomer", "--email",
                                        "latecomer@example.com"], self.env)
            results = [r for f in posting for r in f.result()]
            self.assertEqual(cli.result().returncode, 0, cli.result().stderr)

        failures = [(status, raw[:200]) for _, status, raw in results if status != 200]
        self.assertEqual(failures, [], f"{len(failures)} of {len(results)} posts failed")
        ids = [json.loads(raw)["id"] for _, _, raw in results]
        self.assertEqual(len(set(ids)), CLIENTS * POSTS_PER_CLIENT)
        first_nodes = {node_of(json.loads(raw)["id"]) for on_first, _, raw in results if on_first}
        second_nodes = {node_of(json.loads(raw)["id"]) for on_first, _, raw in results
                        if not on_first}
        self.assertEqual(len(first_nodes), 1)
        self.assertEqual(len(second_nodes), 1)
        self.assertNotEqual(first_nodes, second_nodes)
        self.assertEqual(self.db.query("SELECT count(*) FROM statuses"),
                         str(CLIENTS * POSTS_PER_CLIENT))
        self.assertEqual(self.db.query("SELECT count(*) FROM accounts WHERE username = 'latecomer'"),
                         "1")

    def test_zz_a_stopped_process_gives_its_node_back(self):
        third = Server(self.db.url, domain_port=self.first.port)
        self.assertEqual(self.db.query("SELECT count(*) FROM id_nodes"), "3")
        self.assertEqual(third.stop(), 0, third.logs())
        third.close()
        self.assertEqual(self.db.query("SELECT count(*) FROM id_nodes"), "2")


if __name__ == "__main__":
    unittest.main()
