"""`loxodon serve` as clients and operators see it: discovery documents, Mastodon.py, bad input,
two processes on one database, graceful shutdown."""

import json
import signal
import socket
import unittest

from mastodon import Mastodon

from loxodon_e2e import Database, Server, get, get_json, raw_exchange, run_cli


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        cls.server = Server(cls.db.url)

    @classmethod
    def tearDownClass(cls):
        code = cls.server.stop()
        logs = cls.server.logs()
        cls.server.close()
        cls.db.close()
        assert code == 0, f"serve exited {code} on SIGTERM:\n{logs}"
        assert "stopped" in logs, logs

    def test_instance_documents(self):
        base = self.server.base
        v1 = get_json(base + "/api/v1/instance")
        self.assertEqual(v1["uri"], f"localhost:{self.server.port}")
        self.assertEqual(v1["urls"]["streaming_api"], f"ws://localhost:{self.server.port}")
        self.assertRegex(v1["version"], r"^4\.2\.0\+loxodon\.\d+\.\d+\.\d+$")
        v2 = get_json(base + "/api/v2/instance")
        self.assertEqual(v2["domain"], f"localhost:{self.server.port}")
        self.assertEqual(len(v2["configuration"]["vapid"]["public_key"]), 87)
        status, headers, body = get(base + "/thumbnail.png")
        self.assertEqual(status, 200)
        self.assertTrue(body.startswith(b"\x89PNG"))

    def test_nodeinfo_and_host_meta(self):
        base = self.server.base
        links = get_json(base + "/.well-known/nodeinfo")["links"]
        hrefs = {link["rel"].rsplit("/", 1)[-1]: link["href"] for link in links}
        self.assertEqual(hrefs["2.0"], f"http://localhost:{self.server.port}/nodeinfo/2.0")
        for version in ("2.0", "2.1"):
            doc = get_json(base + "/nodeinfo/" + version)
            self.assertEqual(doc["software"]["name"], "loxodon")
            self.assertEqual(doc["metadata"]["upstream"]["name"], "mastodon")
        status, headers, body = get(base + "/.well-known/host-meta")
        self.assertEqual(status, 200)
        self.assertIn("application/xrd+xml", headers["Content-Type"])
        self.assertIn(b'rel="lrdd"', body)

    def test_mastodon_py_reads_the_instance_and_parses_the_version(self):
        api = Mastodon(api_base_url=self.server.base, version_check_mode="created")
        self.assertEqual(api.retrieve_mastodon_version(), "4.2.0")
        self.assertTrue(api.verify_minimum_version("4.2.0", cached=True))
        instance = api.instance()
        self.assertEqual(instance["uri"], f"localhost:{self.server.port}")
        self.assertEqual(instance["configuration"]["statuses"]["max_characters"], 500)
        self.assertIn("streaming_api", instance["urls"])

    def test_cors_headers_on_api(self):
        status, headers, _ = get(self.server.base + "/api/v1/instance",
                                 headers={"Origin": "https://elk.example"})
        self.assertEqual(status, 200)
        self.assertEqual(headers["Access-Control-Allow-Origin"], "*")
        self.assertIn("Link", headers["Access-Control-Expose-Headers"])

    def test_bad_input_gets_json_errors_and_the_server_keeps_serving(self):
        port = self.server.port
        answer = raw_exchange(port, b"NOT HTTP AT ALL\r\n\r\n")
        self.assertTrue(answer.startswith(b"HTTP/1.1 400"), answer[:100])
        self.assertIn(b'{"error":', answer)
        answer = raw_exchange(port, b"POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n")
        self.assertTrue(answer.startswith(b"HTTP/1.1 413"), answer[:100])
        answer = raw_exchange(port, b"GET / HTTP/1.1\r\nHost: x\r\nX-Junk: " + b"a" * 40000 + b"\r\n\r\n")
        self.assertTrue(answer.startswith(b"HTTP/1.1 431"), answer[:100])
        status, _, body = get(self.server.base + "/api/v1/nothing-here")
        self.assertEqual(status, 404)
        self.assertEqual(json.loads(body), {"error": "Record not found"})
        status, headers, body = get(self.server.base + "/api/v1/instance", method="DELETE")
        self.assertEqual(status, 405)
        self.assertIn("error", json.loads(body))
        self.assertEqual(get(self.server.base + "/health")[0], 200)

    def test_access_log_never_contains_query_strings(self):
        get(self.server.base + "/api/v1/instance?access_token=sekrit-token-value")
        self.server.wait_log("GET /api/v1/instance 200")
        self.assertNotIn("sekrit-token-value", self.server.logs())


class TwoProcessesTest(unittest.TestCase):
    def test_second_serve_on_the_same_database_just_works(self):
        db = Database()
        first = Server(db.url)
        second = Server(db.url)
        try:
            for server in (first, second):
                self.assertEqual(get(server.base + "/health")[0], 200)
                server.wait_log("job workers started")
            # Secrets were generated once and both processes publish the same ones.
            self.assertEqual(db.query("SELECT count(*) FROM instance_secrets"), "5")
            key1 = get_json(first.base + "/api/v2/instance")["configuration"]["vapid"]["public_key"]
            key2 = get_json(second.base + "/api/v2/instance")["configuration"]["vapid"]["public_key"]
            self.assertEqual(key1, key2)
            # Both asked for the hourly maintenance job; it exists once.
            self.assertEqual(db.query("SELECT count(*) FROM jobs WHERE kind = 'maintenance.prune_jobs'"), "1")
            self.assertEqual(first.stop(signal.SIGINT), 0, first.logs())
            self.assertEqual(get(second.base + "/health")[0], 200)
            self.assertEqual(second.stop(), 0, second.logs())
        finally:
            first.close()
            second.close()
            db.close()

    def test_refuses_to_serve_an_unmigrated_database(self):
        db = Database(migrate=False)
        try:
            proc = run_cli(["serve"], env={"LOXODON_DATABASE_URL": db.url,
                                           "LOXODON_DOMAIN": "localhost",
                                           "LOXODON_LISTEN": "127.0.0.1:0"})
            self.assertEqual(proc.returncode, 1)
            self.assertIn("Run `loxodon migrate` first", proc.stderr)
        finally:
            db.close()

    def test_port_in_use_is_a_clear_error(self):
        db = Database()
        with socket.socket() as blocker:
            blocker.bind(("127.0.0.1", 0))
            blocker.listen()
            port = blocker.getsockname()[1]
            proc = run_cli(["serve"], env={"LOXODON_DATABASE_URL": db.url,
                                           "LOXODON_DOMAIN": "localhost",
                                           "LOXODON_LISTEN": f"127.0.0.1:{port}"})
        db.close()
        self.assertEqual(proc.returncode, 1)
        self.assertIn(f"cannot listen on 127.0.0.1:{port}", proc.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
