"""Live streaming across processes: one `loxodon serve` holds the subscribers (and runs no jobs),
a second one on the same database takes the posts and runs the fan-out jobs, so every event
crosses processes through PostgreSQL NOTIFY. Driven with real clients: masto.js (token as
WebSocket subprotocol) and megalodon (token in the query) from npm, Mastodon.py's server-sent
events, and python3-websocket for the raw protocol and the bad inputs."""

import base64
import json
import os
import queue
import socket
import subprocess
import threading
import time
import unittest

import websocket
from mastodon import StreamListener

from loxodon_e2e import (Database, Server, StreamSocket, api_call, create_user, get, run_cli,
                         wait_until)

NODE_DIR = os.path.join(os.path.dirname(__file__), "node")


class NodeStream:
    """tests/e2e/node/stream_events.mjs: one real client library's subscription, one JSON line
    per event on stdout."""

    def __init__(self, client, server, token, stream, param=None):
        args = ["node", os.path.join(NODE_DIR, "stream_events.mjs"), client, server.base, token,
                stream] + ([param] if param else [])
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        self.events = queue.Queue()
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        if not self.ready.wait(30):
            self.close()
            raise AssertionError(f"{client} never connected: {self.proc.stderr.read()}")

    def _read(self):
        for line in self.proc.stdout:
            item = json.loads(line)
            if item.get("ready"):
                self.ready.set()
            else:
                self.events.put(item)

    def next(self, event, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                item = self.events.get(timeout=max(0.1, deadline - time.time()))
            except queue.Empty:
                break
            if item["event"] == event:
                return item["payload"]
        raise AssertionError(f"no {event} event within {timeout}s")

    def close(self):
        self.proc.terminate()
        self.proc.wait(10)


# The raw client is the harness's.
Socket = StreamSocket


def update_with(text):
    return lambda f: f.get("event") == "update" and text in json.loads(f["payload"])["content"]


class StreamingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        # Subscribers connect here; this process runs no jobs, so whatever reaches them was
        # published by the other process.
        cls.streams = Server(cls.db.url, extra_env={"LOXODON_JOBS_WORKERS": "0"})
        cls.poster = Server(cls.db.url, domain_port=cls.streams.port)
        cls.alice = create_user(cls.db.url, cls.streams, "alice")
        cls.bob = create_user(cls.db.url, cls.streams, "bob")
        cls.carol = create_user(cls.db.url, cls.streams, "carol")
        # The same people, talking to the posting process.
        cls.bob_p = cls.client_on(cls.bob, cls.poster)
        cls.carol_p = cls.client_on(cls.carol, cls.poster)
        cls.bob_id = str(cls.bob.me()["id"])
        cls.alice.account_follow(cls.bob_id)

    @classmethod
    def client_on(cls, client, server):
        from mastodon import Mastodon
        return Mastodon(access_token=client.access_token, api_base_url=server.base)

    @classmethod
    def tearDownClass(cls):
        cls.poster.close()
        cls.streams.close()
        cls.db.close()

    def processed(self, media_id):
        """The attachment once the posting process's job has processed it (200), else None."""
        code, body, _ = api_call(self.poster, self.bob_p, "GET", f"/api/v1/media/{media_id}")
        return body if code == 200 else None

    def post(self, client, text, **kwargs):
        status = client.status_post(text, **kwargs)
        status["id"] = str(status["id"])  # Mastodon.py turns ids into numbers
        return status

    def test_masto_receives_update_and_notification_from_the_other_process(self):
        stream = NodeStream("masto", self.streams, self.alice.access_token, "user")
        try:
            # bob uploads a picture to the other process (202, then processed by its job)...
            picture = os.path.join(os.path.dirname(__file__), "..", "fixtures", "media", "gps.jpg")
            media = self.bob_p.media_post(picture, mime_type="image/jpeg")
            processed = wait_until(lambda: self.processed(media["id"]))
            self.assertTrue(processed)
            time.sleep(0.5)  # masto sends its subscribe frame after "ready"
            status = self.post(self.bob_p, "Hello @alice from the other process",
                               media_ids=[media["id"]])
            # ...and alice's masto.js, connected to this process, sees the post arrive with it.
            update = stream.next("update")
            self.assertEqual(update["id"], status["id"])
            self.assertIn("from the other process", update["content"])
            attachment = update["mediaAttachments"][0]
            self.assertEqual(attachment["id"], str(media["id"]))
            self.assertEqual(attachment["blurhash"], processed["blurhash"])
            self.assertEqual(attachment["meta"]["original"]["width"], 64)
            notification = stream.next("notification")
            self.assertEqual(notification["type"], "mention")
            self.assertEqual(notification["status"]["id"], status["id"])
        finally:
            stream.close()

    def test_megalodon_user_stream_with_the_token_in_the_query(self):
        stream = NodeStream("megalodon", self.streams, self.alice.access_token, "user")
        try:
            status = self.post(self.bob_p, "megalodon sees this")
            self.assertEqual(stream.next("update")["id"], status["id"])
            self.bob_p.status_delete(status["id"])
            self.assertEqual(str(stream.next("delete")), status["id"])
        finally:
            stream.close()

    def test_server_sent_events_with_mastodon_py(self):
        received = queue.Queue()

        class Listener(StreamListener):
            def on_update(self, status):
                received.put(("update", status))

            def on_notification(self, notification):
                received.put(("notification", notification))

        handle = self.alice.stream_user(Listener(), run_async=True, reconnect_async=False)
        try:
            self.assertTrue(wait_until(
                lambda: handle.is_receiving() if hasattr(handle, "is_receiving") else True))
            time.sleep(0.5)
            status = self.post(self.bob_p, "over server-sent events @alice")
            kinds = {}
            deadline = time.time() + 15
            while len(kinds) < 2 and time.time() < deadline:
                kind, item = received.get(timeout=15)
                kinds[kind] = item
            self.assertEqual(str(kinds["update"]["id"]), status["id"])
            self.assertEqual(str(kinds["notification"]["status"]["id"]), status["id"])
        finally:
            handle.close()

    def test_bad_token_is_refused_before_the_upgrade(self):
        for kwargs in ({"token": "not-a-token"}, {}):
            with self.assertRaises(websocket.WebSocketBadStatusException) as caught:
                Socket(self.streams, "?stream=user", **kwargs)
            self.assertEqual(caught.exception.status_code, 401)
        status, _, _ = get(f"{self.streams.base}/api/v1/streaming/user?access_token=nope")
        self.assertEqual(status, 401)

    def test_subprotocol_token_is_echoed(self):
        token = self.alice.access_token
        s = Socket(self.streams, "?stream=user", token=token, header_token=False,
                   subprotocol=token)
        try:
            # python3-websocket reports the header lowercased.
            self.assertEqual(s.ws.getsubprotocol(), token.lower())
        finally:
            s.close()

    def test_unknown_stream_is_an_error_event_and_the_connection_stays(self):
        s = Socket(self.streams, "?stream=nonsense", token=self.carol.access_token)
        try:
            self.assertEqual(s.next(), {"error": "Unknown stream type", "status": 400})
            s.send({"type": "subscribe", "stream": "hashtag"})
            self.assertEqual(s.next()["error"], "Missing tag name parameter")
            s.send({"type": "subscribe", "stream": "hashtag", "tag": "StreamCats"})
            time.sleep(0.3)
            status = self.post(self.bob_p, "tagged #streamcats")
            frame = s.next(lambda f: f.get("event") == "update")
            # The stream names the tag as the client wrote it (masto.js matches it exactly).
            self.assertEqual(frame["stream"], ["hashtag", "StreamCats"])
            self.assertEqual(json.loads(frame["payload"])["id"], status["id"])
        finally:
            s.close()

    def test_visibility_blocks_and_public_streams(self):
        # carol follows nobody: her user stream must stay silent; her public:local stream sees
        # public posts only; alice (a follower) gets private posts on her user stream.
        carol_user = Socket(self.streams, "?stream=user", token=self.carol.access_token)
        carol_public = Socket(self.streams, "?stream=public:local", token=self.carol.access_token)
        alice_user = Socket(self.streams, "?stream=user", token=self.alice.access_token)
        try:
            time.sleep(0.3)
            self.post(self.bob_p, "secret for followers", visibility="private")
            self.post(self.bob_p, "quiet unlisted", visibility="unlisted")
            public = self.post(self.bob_p, "loud public")
            frame = carol_public.next(lambda f: f.get("event") == "update")
            self.assertEqual(frame["stream"], ["public:local"])
            self.assertEqual(json.loads(frame["payload"])["id"], public["id"])
            self.assertIsNotNone(alice_user.next(update_with("secret for followers")))
            self.assertIsNotNone(alice_user.next(update_with("loud public")))
            time.sleep(0.5)
            seen = [json.loads(f["payload"])["content"] for f in list(carol_public.frames.queue)
                    + list(carol_user.frames.queue) if f.get("event") == "update"]
            self.assertFalse(any("secret" in c or "quiet" in c for c in seen), seen)
            self.assertIsNone(carol_user.next(timeout=0.5))

            # Blocking bob hides his public posts from carol's public stream.
            self.carol.account_block(self.bob_id)
            self.post(self.bob_p, "after the block")
            self.post(self.carol_p, "carol still sees her own")
            frame = carol_public.next(lambda f: f.get("event") == "update")
            self.assertIn("carol still sees", json.loads(frame["payload"])["content"])
            self.carol.account_unblock(self.bob_id)
        finally:
            for s in (carol_user, carol_public, alice_user):
                s.close()

    def test_edit_delete_filters_and_hide_filters(self):
        s = Socket(self.streams, "?stream=user", token=self.alice.access_token)
        try:
            time.sleep(0.3)
            status = self.post(self.bob_p, "first words")
            self.assertIsNotNone(s.next(update_with("first words")))
            self.bob_p.status_update(status["id"], "second words")
            frame = s.next(lambda f: f.get("event") == "status.update")
            self.assertIn("second words", json.loads(frame["payload"])["content"])
            self.bob_p.status_delete(status["id"])
            frame = s.next(lambda f: f.get("event") == "delete")
            self.assertEqual(frame["payload"], status["id"])

            code, body, _ = api_call(self.streams, self.alice, "POST", "/api/v2/filters",
                                     {"title": "no spoilers", "context[]": "home",
                                      "filter_action": "hide",
                                      "keywords_attributes[][keyword]": "spoiler"})
            self.assertEqual(code, 200, body)
            frame = s.next(lambda f: f.get("event") == "filters_changed")
            self.assertEqual(frame, {"stream": ["user"], "event": "filters_changed"})
            self.post(self.bob_p, "a spoiler here")
            self.post(self.bob_p, "nothing hidden")
            frame = s.next(lambda f: f.get("event") == "update")
            self.assertIn("nothing hidden", json.loads(frame["payload"])["content"])

            # A warning filter that matches: the status comes, marked for this viewer only.
            code, body, _ = api_call(self.streams, self.alice, "POST", "/api/v2/filters",
                                     {"title": "careful", "context[]": "home",
                                      "filter_action": "warn",
                                      "keywords_attributes[][keyword]": "thunder"})
            self.assertEqual(code, 200, body)
            carol = Socket(self.streams, "?stream=public:local", token=self.carol.access_token)
            time.sleep(0.3)
            self.post(self.bob_p, "thunder tonight")
            frame = s.next(update_with("thunder tonight"))
            filtered = json.loads(frame["payload"])["filtered"]
            self.assertEqual([f["filter"]["title"] for f in filtered], ["careful"])
            frame = carol.next(update_with("thunder tonight"))
            self.assertEqual(json.loads(frame["payload"])["filtered"], [])
            carol.close()
        finally:
            s.close()

    def test_direct_list_and_notification_only_streams(self):
        s = Socket(self.streams, "?stream=direct", token=self.alice.access_token)
        code, body, _ = api_call(self.streams, self.alice, "POST", "/api/v1/lists",
                                 {"title": "bobs"})
        list_id = body["id"]
        api_call(self.streams, self.alice, "POST", f"/api/v1/lists/{list_id}/accounts",
                 {"account_ids[]": self.bob_id})
        s.send({"type": "subscribe", "stream": "list", "list": list_id})
        s.send({"type": "subscribe", "stream": "user:notification"})
        # Someone else's list cannot be streamed.
        other = Socket(self.streams, f"?stream=list&list={list_id}", token=self.carol.access_token)
        try:
            self.assertEqual(other.next()["error"], "Not authorized to stream this list")
            time.sleep(0.5)
            dm = self.post(self.bob_p, "@alice just between us", visibility="direct")
            frame = s.next(lambda f: f.get("event") == "conversation")
            self.assertEqual(frame["stream"], ["direct"])
            conversation = json.loads(frame["payload"])
            self.assertEqual(conversation["last_status"]["id"], dm["id"])
            self.assertEqual([a["acct"] for a in conversation["accounts"]], ["bob"])
            frame = s.next(lambda f: f.get("event") == "notification")
            self.assertEqual(frame["stream"], ["user:notification"])
            listed = self.post(self.bob_p, "for the list")
            frame = s.next(lambda f: f.get("event") == "update")
            self.assertEqual(frame["stream"], ["list", list_id])
            self.assertEqual(json.loads(frame["payload"])["id"], listed["id"])
            # A list member's boost is on the list too, as on the REST list timeline.
            original = self.post(self.carol_p, "worth boosting")
            self.bob_p.status_reblog(original["id"])
            frame = s.next(lambda f: f.get("event") == "update")
            self.assertEqual(json.loads(frame["payload"])["reblog"]["id"], original["id"])
        finally:
            s.close()
            other.close()

    def announcements_cli(self, *args):
        env = {"LOXODON_DATABASE_URL": self.db.url, "LOXODON_DOMAIN": f"localhost:{self.streams.port}",
               "LOXODON_SCHEME": "http"}
        return run_cli(["announcements", *args], env=env, check=True).stdout.strip()

    def test_announcements_published_scheduled_dismissed_reacted_withdrawn(self):
        s = Socket(self.streams, "?stream=user", token=self.carol.access_token)
        try:
            time.sleep(0.3)
            first = self.announcements_cli("create", "--text", "Maintenance tonight #ops")
            frame = s.next(lambda f: f.get("event") == "announcement")
            self.assertEqual(frame["stream"], ["user"])
            streamed = json.loads(frame["payload"])
            self.assertEqual(streamed["id"], first)
            self.assertIn("Maintenance tonight", streamed["content"])
            self.assertEqual([t["name"] for t in streamed["tags"]], ["ops"])
            self.assertNotIn("read", streamed)  # rendered for everyone, not for one viewer

            code, listed, _ = api_call(self.streams, self.carol, "GET", "/api/v1/announcements")
            self.assertEqual(code, 200)
            mine = [a for a in listed if a["id"] == first][0]
            self.assertFalse(mine["read"])

            code, _, _ = api_call(self.streams, self.carol, "PUT",
                                  f"/api/v1/announcements/{first}/reactions/%F0%9F%90%98")
            self.assertEqual(code, 200)
            frame = s.next(lambda f: f.get("event") == "announcement.reaction")
            self.assertEqual(json.loads(frame["payload"]),
                             {"name": "\U0001F418", "count": 1, "announcement_id": first})
            code, body, _ = api_call(self.streams, self.carol, "PUT",
                                     f"/api/v1/announcements/{first}/reactions/abc")
            self.assertEqual(code, 422, body)

            code, _, _ = api_call(self.streams, self.carol, "POST",
                                  f"/api/v1/announcements/{first}/dismiss")
            self.assertEqual(code, 200)
            _, listed, _ = api_call(self.streams, self.carol, "GET", "/api/v1/announcements")
            self.assertNotIn(first, [a["id"] for a in listed])
            _, listed, _ = api_call(self.streams, self.carol, "GET",
                                    "/api/v1/announcements?with_dismissed=true")
            mine = [a for a in listed if a["id"] == first][0]
            self.assertTrue(mine["read"])
            self.assertEqual(mine["reactions"], [{"name": "\U0001F418", "count": 1, "me": True}])

            # Scheduled: published by a job on the other process when due, then streamed.
            at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 2))
            later = self.announcements_cli("create", "--text", "Later news", "--scheduled-at", at)
            _, listed, _ = api_call(self.streams, self.carol, "GET", "/api/v1/announcements")
            self.assertNotIn(later, [a["id"] for a in listed])
            frame = s.next(lambda f: f.get("event") == "announcement", timeout=20)
            self.assertEqual(json.loads(frame["payload"])["id"], later)

            self.announcements_cli("delete", first)
            frame = s.next(lambda f: f.get("event") == "announcement.delete")
            self.assertEqual(frame["payload"], first)
            code, _, _ = api_call(self.streams, self.carol, "POST",
                                  f"/api/v1/announcements/{first}/dismiss")
            self.assertEqual(code, 404)
        finally:
            s.close()

    def test_a_client_that_stops_reading_is_disconnected_and_others_keep_up(self):
        # A raw WebSocket that subscribes, then never reads, with a tiny receive window.
        slow = socket.socket()
        slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        slow.connect(("127.0.0.1", self.streams.port))
        key = base64.b64encode(os.urandom(16)).decode()
        slow.sendall((f"GET /api/v1/streaming?stream=public:local HTTP/1.1\r\n"
                      f"Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                      f"Authorization: Bearer {self.carol.access_token}\r\n\r\n").encode())
        self.assertIn(b" 101 ", slow.recv(200))
        fast = Socket(self.streams, "?stream=public:local", token=self.alice.access_token)
        try:
            time.sleep(0.3)
            status = self.post(self.carol_p, "x" * 400)
            self.assertIsNotNone(fast.next(lambda f: f.get("event") == "update"))
            # 3,000 events for that status (distinct payloads: PostgreSQL folds identical
            # notifications of one transaction), far more than the 1,000 a client may lag.
            self.db.query("SELECT pg_notify('loxodon_stream', json_build_object('e', 'update', "
                          f"'id', {status['id']}, 'x', i)::text) FROM generate_series(1, 3000) i")
            self.streams.wait_log("fell behind", timeout=30)
            got = 0
            while fast.next(lambda f: f.get("event") == "update", timeout=5):
                got += 1
                if got == 3000:
                    break
            self.assertEqual(got, 3000)
            # The slow client's connection is gone, and the server is fine.
            slow.settimeout(10)
            with self.assertRaises((ConnectionResetError, BrokenPipeError, AssertionError)):
                while True:
                    chunk = slow.recv(1 << 20)
                    assert chunk, "closed"
            status_code, _, _ = get(f"{self.streams.base}/api/v1/streaming/health")
            self.assertEqual(status_code, 200)
        finally:
            slow.close()
            fast.close()

    def test_revoked_tokens_end_their_streams(self):
        dave = create_user(self.db.url, self.streams, "dave")
        s = Socket(self.streams, "?stream=user", token=dave.access_token)
        other = Socket(self.streams, "?stream=public:local", token=self.carol.access_token)
        try:
            time.sleep(0.3)
            env = {"LOXODON_DATABASE_URL": self.db.url,
                   "LOXODON_DOMAIN": f"localhost:{self.streams.port}", "LOXODON_SCHEME": "http"}
            # A suspension revokes every token of the account (as a password reset does).
            run_cli(["accounts", "suspend", "dave"], env=env, check=True)
            self.assertTrue(wait_until(lambda: not s.ws.connected or self._closed(s), timeout=15))
            # Nobody else's stream is touched.
            self.post(self.bob_p, "still streaming for carol")
            self.assertIsNotNone(other.next(lambda f: f.get("event") == "update"))
        finally:
            s.close()
            other.close()

    @staticmethod
    def _closed(s):
        try:
            s.ws.ping()
            return False
        except Exception:
            return True

    def test_notifications_need_a_notification_scope_on_the_user_stream(self):
        env = {"LOXODON_DATABASE_URL": self.db.url,
               "LOXODON_DOMAIN": f"localhost:{self.streams.port}", "LOXODON_SCHEME": "http"}
        statuses_only = run_cli(["tokens", "create", "alice", "--scopes", "read:statuses"],
                                env=env, check=True).stdout.strip()
        narrow = Socket(self.streams, "?stream=user", token=statuses_only)
        full = Socket(self.streams, "?stream=user", token=self.alice.access_token)
        refused = Socket(self.streams, "?stream=user:notification", token=statuses_only)
        try:
            self.assertEqual(refused.next()["error"],
                             "Access token does not have the required scopes")
            time.sleep(0.3)
            status = self.post(self.bob_p, "@alice scoped hello")
            self.assertIsNotNone(full.next(lambda f: f.get("event") == "notification"))
            self.assertIsNotNone(narrow.next(update_with("scoped hello")))
            time.sleep(0.5)
            events = [f.get("event") for f in list(narrow.frames.queue)]
            self.assertNotIn("notification", events)
            self.assertEqual(status["visibility"], "public")
        finally:
            for x in (narrow, full, refused):
                x.close()

    def test_server_sent_public_media_stream(self):
        import requests
        token = self.carol.access_token
        with requests.get(f"{self.streams.base}/api/v1/streaming/public/local?only_media=true",
                          headers={"Authorization": f"Bearer {token}"}, stream=True,
                          timeout=20) as res:
            self.assertEqual(res.status_code, 200)
            self.assertTrue(res.headers["Content-Type"].startswith("text/event-stream"))
            lines = res.iter_lines(decode_unicode=True)
            self.assertEqual(next(lines), ":)")
            self.post(self.bob_p, "no picture here")
            media = self.bob_p.media_post(os.path.join(os.path.dirname(__file__), "..", "fixtures",
                                                       "media", "gps.jpg"), mime_type="image/jpeg")
            self.assertTrue(wait_until(lambda: self.processed(media["id"])))
            with_media = self.post(self.bob_p, "with a picture", media_ids=[media["id"]])
            event = data = None
            for line in lines:
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: ") and event == "update":
                    data = json.loads(line[6:])
                    break
            self.assertEqual(data["id"], with_media["id"])  # the post without media never came

    def test_health_and_plain_get(self):
        status, _, body = get(f"{self.streams.base}/api/v1/streaming/health")
        self.assertEqual((status, body), (200, b"OK"))
        status, _, _ = get(f"{self.streams.base}/api/v1/streaming")
        self.assertEqual(status, 404)


if __name__ == "__main__":
    unittest.main()
