"""`loxodon serve` on several HTTP threads (LOXODON_HTTP_THREADS=4): the threads exist, clients
posting and reading at once are all answered, streaming subscribers hear every post made while
others post, and SIGTERM still drains and exits 0 with streams open."""

import os
import threading
import time
import unittest


from loxodon_e2e import Database, Server, StreamSocket, api_call, create_user, get, wait_until

POSTERS = ["alice", "bob", "carol", "dave"]
POSTS_EACH = 8


def Socket(server, stream, token):  # noqa: N802 - reads like the class it makes
    return StreamSocket(server, f"?stream={stream}", token=token)


class HttpThreadsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        cls.server = Server(cls.db.url, extra_env={"LOXODON_HTTP_THREADS": "4"})
        cls.clients = {name: create_user(cls.db.url, cls.server, name) for name in POSTERS}
        cls.reader = create_user(cls.db.url, cls.server, "erin")
        for client in cls.clients.values():
            cls.reader.account_follow(client.me()["id"])
        # Open through shutdown: SIGTERM must end it, not wait for it.
        cls.lingering = Socket(cls.server, "public:local", cls.reader.access_token)

    @classmethod
    def tearDownClass(cls):
        code = cls.server.stop()
        logs = cls.server.logs()
        cls.lingering.close()
        cls.server.close()
        cls.db.close()
        assert code == 0, f"serve exited {code} on SIGTERM:\n{logs}"
        assert "stopped" in logs, logs

    def test_the_http_threads_run(self):
        pid = self.server.proc.pid
        tasks = os.listdir(f"/proc/{pid}/task")
        names = []
        for tid in tasks:
            try:
                with open(f"/proc/{pid}/task/{tid}/comm") as f:
                    names.append(f.read().strip())
            except FileNotFoundError:
                pass  # a pool thread that just ended
        # The main thread is the first of the four; the jobs' thread and the pools come on top.
        self.assertGreaterEqual(names.count("lox-http"), 3, names)
        self.assertGreaterEqual(len(tasks), 5, names)
        self.assertIn("4 threads", self.server.logs())

    def test_concurrent_posters_and_readers_and_streams(self):
        token = self.reader.access_token
        home = Socket(self.server, "user", token)
        public = [Socket(self.server, "public:local", token) for _ in range(4)]
        time.sleep(0.5)  # the subscriptions are in the hub before anything is posted
        posted, errors = [], []
        lock = threading.Lock()

        def post_all(name, client):
            try:
                for i in range(POSTS_EACH):
                    status = client.status_post(f"{name} says {i} at once")
                    with lock:
                        posted.append(str(status["id"]))
            except Exception as e:  # reported below, not lost in a thread
                errors.append(f"{name}: {e!r}")

        def read_all(client):
            try:
                for _ in range(POSTS_EACH):
                    for path in ("/api/v1/timelines/home", "/api/v1/instance",
                                 "/api/v1/timelines/public?local=true", "/api/v2/instance"):
                        code, _, _ = api_call(self.server, client, "GET", path)
                        if code != 200:
                            errors.append(f"GET {path} -> {code}")
                    code = get(self.server.base + "/api/v1/timelines/public")[0]
                    if code != 200:
                        errors.append(f"logged-out public timeline -> {code}")
            except Exception as e:
                errors.append(f"reader: {e!r}")

        threads = [threading.Thread(target=post_all, args=(n, c)) for n, c in self.clients.items()]
        threads += [threading.Thread(target=read_all, args=(self.reader,)) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        self.assertEqual(errors, [])
        wanted = set(posted)
        self.assertEqual(len(wanted), len(POSTERS) * POSTS_EACH)

        self.assertEqual(home.updates(wanted), wanted, "the home stream missed posts")
        for s in public:
            self.assertEqual(s.updates(wanted), wanted, "a public stream missed posts")
        home.close()
        for s in public:
            s.close()
        # Every post is in the follower's home timeline too (the fan-out ran for all of them).
        home_ids = wait_until(lambda: wanted <= {
            str(s["id"]) for s in self.reader.timeline_home(limit=40)}, timeout=30)
        self.assertTrue(home_ids)


if __name__ == "__main__":
    unittest.main()
