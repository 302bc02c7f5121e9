"""Conversations (direct messages grouped per participant set) and scheduled statuses, driven
through Mastodon.py and raw HTTP for what Mastodon.py 1.8 does not expose."""

import datetime
import time
import unittest

from mastodon.errors import MastodonAPIError, MastodonNotFoundError

from loxodon_e2e import Database, Server, api_call, create_user, wait_until


class ConversationsAndScheduledTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        cls.server = Server(cls.db.url)
        cls.api = {name: create_user(cls.db.url, cls.server, name)
                   for name in ("gail", "hugo", "iris", "jack")}
        cls.acct = {name: client.me()["id"] for name, client in cls.api.items()}
        cls.domain = f"localhost:{cls.server.port}"

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.server.close()
        cls.db.close()

    def call(self, who, method, path, form=None):
        return api_call(self.server, self.api[who], method, path, form)

    def conversations(self, who, query=""):
        status, body, headers = self.call(who, "GET", "/api/v1/conversations" + query)
        self.assertEqual(status, 200, body)
        return body, headers

    def test_direct_messages_group_into_conversations(self):
        gail, hugo = self.api["gail"], self.api["hugo"]
        first = gail.status_post("@hugo@" + self.domain + " a secret", visibility="direct")
        self.assertTrue(wait_until(lambda: self.conversations("hugo")[0]))
        convs, _ = self.conversations("hugo")
        mine = [c for c in convs if c["last_status"]["id"] == str(first["id"])]
        self.assertEqual(len(mine), 1, convs)
        conv = mine[0]
        self.assertTrue(conv["unread"])
        self.assertEqual([a["username"] for a in conv["accounts"]], ["gail"])
        self.assertIsInstance(conv["id"], str)
        # The author has it too, already read.
        self.assertTrue(wait_until(lambda: self.conversations("gail")[0]))
        own = [c for c in self.conversations("gail")[0]
               if c["last_status"]["id"] == str(first["id"])]
        self.assertEqual(len(own), 1)
        self.assertFalse(own[0]["unread"])
        self.assertEqual([a["username"] for a in own[0]["accounts"]], ["hugo"])

        # A reply in the thread moves the same conversation forward, unread for Gail now.
        reply = hugo.status_post("@gail@" + self.domain + " got it",
                                 in_reply_to_id=first["id"], visibility="direct")
        self.assertTrue(wait_until(lambda: any(
            c["last_status"] and c["last_status"]["id"] == str(reply["id"])
            for c in self.conversations("gail")[0])))
        gails = [c for c in self.conversations("gail")[0] if c["id"] == own[0]["id"]]
        self.assertEqual(gails[0]["last_status"]["id"], str(reply["id"]))
        self.assertTrue(gails[0]["unread"])

        # Mark read, then delete (it leaves only the caller's list).
        status, read, _ = self.call("gail", "POST", f"/api/v1/conversations/{own[0]['id']}/read", {})
        self.assertEqual(status, 200, read)
        self.assertFalse(read["unread"])
        self.assertEqual(read["last_status"]["id"], str(reply["id"]))
        status, body, _ = self.call("gail", "DELETE", f"/api/v1/conversations/{own[0]['id']}")
        self.assertEqual((status, body), (200, {}))
        self.assertNotIn(own[0]["id"], [c["id"] for c in self.conversations("gail")[0]])
        self.assertIn(conv["id"], [c["id"] for c in self.conversations("hugo")[0]])
        # Someone else's conversation id is not found, not touched.
        status, _, _ = self.call("iris", "POST", f"/api/v1/conversations/{conv['id']}/read", {})
        self.assertEqual(status, 404)
        status, _, _ = self.call("iris", "DELETE", f"/api/v1/conversations/{conv['id']}")
        self.assertEqual(status, 404)
        self.assertIn(conv["id"], [c["id"] for c in self.conversations("hugo")[0]])

        # Deleting the reply brings the conversation back to the first message.
        hugo.status_delete(reply["id"])
        convs, _ = self.conversations("hugo")
        self.assertEqual([c["last_status"]["id"] for c in convs if c["id"] == conv["id"]],
                         [str(first["id"])])

    def test_other_participants_public_posts_and_blocks_stay_out(self):
        iris, jack = self.api["iris"], self.api["jack"]
        domain = self.domain
        public = iris.status_post(f"@jack@{domain} public mention")
        group = iris.status_post(f"@jack@{domain} @hugo@{domain} group note", visibility="direct")
        self.assertTrue(wait_until(lambda: any(
            c["last_status"]["id"] == str(group["id"]) for c in self.conversations("jack")[0])))
        convs, _ = self.conversations("jack")
        ids = [c["last_status"]["id"] for c in convs]
        self.assertNotIn(str(public["id"]), ids)
        grouped = [c for c in convs if c["last_status"]["id"] == str(group["id"])][0]
        self.assertEqual(sorted(a["username"] for a in grouped["accounts"]), ["hugo", "iris"])
        # Gail is not a participant: the group message is nowhere in her conversations.
        self.assertNotIn(str(group["id"]),
                         [c["last_status"]["id"] for c in self.conversations("gail")[0]])

        # Jack blocks Iris: her next direct message does not reach his conversations.
        jack.account_block(self.acct["iris"])
        blocked = iris.status_post(f"@jack@{domain} still there?", visibility="direct")
        self.assertTrue(wait_until(lambda: any(
            c["last_status"]["id"] == str(blocked["id"]) for c in self.conversations("iris")[0])))
        time.sleep(0.5)
        self.assertNotIn(str(blocked["id"]),
                         [c["last_status"] and c["last_status"]["id"]
                          for c in self.conversations("jack")[0]])
        jack.account_unblock(self.acct["iris"])

    def test_conversations_page_through_link_header(self):
        gail = self.api["gail"]
        domain = self.domain
        sent = [gail.status_post(f"@jack@{domain} page {i}", visibility="direct")["id"]
                for i in range(3)]
        self.assertTrue(wait_until(lambda: any(
            c["last_status"]["id"] == str(sent[-1]) for c in self.conversations("jack")[0])))
        first, headers = self.conversations("jack", "?limit=1")
        self.assertEqual(len(first), 1)
        link = headers.get("Link") or headers.get("link")
        self.assertIn('rel="next"', link)
        next_url = link.split(";")[0].strip("<> ")
        self.assertIn("max_id=" + first[0]["last_status"]["id"], next_url)
        second, _ = self.conversations("jack", "?" + next_url.split("?", 1)[1])
        self.assertEqual(len(second), 1)
        self.assertLess(int(second[0]["last_status"]["id"]), int(first[0]["last_status"]["id"]))

    def test_scheduled_status_lifecycle_and_publication(self):
        gail = self.api["gail"]
        at = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=2)
        scheduled = gail.status_post("Posted later #later", scheduled_at=at,
                                     visibility="unlisted", spoiler_text="cw")
        self.assertIn("scheduled_at", scheduled)
        sid = str(scheduled["id"])
        status, body, _ = self.call("gail", "GET", f"/api/v1/scheduled_statuses/{sid}")
        self.assertEqual(status, 200, body)
        self.assertEqual(body["params"]["text"], "Posted later #later")
        self.assertEqual(body["params"]["visibility"], "unlisted")
        self.assertEqual(body["params"]["spoiler_text"], "cw")
        self.assertEqual(body["media_attachments"], [])
        self.assertTrue(body["scheduled_at"].endswith("Z"))
        # Nothing is posted yet.
        self.assertNotIn("Posted later", " ".join(
            s["content"] for s in gail.account_statuses(self.acct["gail"])))

        listed = gail.scheduled_statuses()
        self.assertIn(sid, [str(s["id"]) for s in listed])
        # Others cannot see, move or cancel it.
        for method in ("GET", "DELETE"):
            status, _, _ = self.call("hugo", method, f"/api/v1/scheduled_statuses/{sid}")
            self.assertEqual(status, 404)

        # Reschedule: too soon is refused and changes nothing; later is accepted.
        soon = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=2))
        status, body, _ = self.call("gail", "PUT", f"/api/v1/scheduled_statuses/{sid}",
                                    {"scheduled_at": soon.isoformat()})
        self.assertEqual(status, 422, body)
        self.assertIn("scheduled_at", body.get("details", {}))
        status, body, _ = self.call("gail", "PUT", f"/api/v1/scheduled_statuses/{sid}",
                                    {"scheduled_at": "not a time"})
        self.assertEqual(status, 422, body)
        later = at + datetime.timedelta(days=1)
        status, body, _ = self.call("gail", "PUT", f"/api/v1/scheduled_statuses/{sid}",
                                    {"scheduled_at": later.strftime("%Y-%m-%dT%H:%M:%S.000Z")})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["scheduled_at"][:19], later.strftime("%Y-%m-%dT%H:%M:%S"))

        # Make the newest publication job due now (as if the day had passed): the job for the
        # first time finds the row rescheduled and does nothing; the new one posts.
        self.db.query("UPDATE jobs SET run_at = now() WHERE kind = 'scheduled_status.publish'")
        self.assertTrue(wait_until(lambda: "Posted later" in " ".join(
            s["content"] for s in gail.account_statuses(self.acct["gail"])), timeout=20))
        posted = [s for s in gail.account_statuses(self.acct["gail"])
                  if "Posted later" in s["content"]]
        self.assertEqual(len(posted), 1)  # posted once, not once per job
        self.assertEqual(posted[0]["visibility"], "unlisted")
        self.assertEqual(posted[0]["spoiler_text"], "cw")
        self.assertEqual([t["name"] for t in posted[0]["tags"]], ["later"])
        self.assertTrue(wait_until(lambda: sid not in [
            str(s["id"]) for s in gail.scheduled_statuses()]))

    def test_scheduling_refuses_bad_input_and_changes_nothing(self):
        hugo = self.api["hugo"]
        before = len(hugo.scheduled_statuses())
        soon = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=1)
        with self.assertRaises(MastodonAPIError):
            hugo.status_post("too soon", scheduled_at=soon)
        later = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)
        with self.assertRaises(MastodonAPIError):  # over the character limit
            hugo.status_post("x" * 501, scheduled_at=later)
        with self.assertRaises(MastodonAPIError):  # a poll with one option
            hugo.status_post("poll", scheduled_at=later,
                             poll=hugo.make_poll(["only"], expires_in=3600))
        status, body, _ = self.call("hugo", "POST", "/api/v1/statuses",
                                    {"status": "when?", "scheduled_at": "someday"})
        self.assertEqual(status, 422, body)
        self.assertEqual(len(hugo.scheduled_statuses()), before)
        # A time already past posts right away, as Mastodon does.
        past = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=1)
        now = hugo.status_post("right away", scheduled_at=past)
        self.assertIn("content", now)

        # Idempotency-Key: the same scheduled status comes back.
        key = {"Idempotency-Key": "sched-1"}
        form = {"status": "once", "scheduled_at": later.isoformat()}
        first = self.call_with_headers("hugo", form, key)
        again = self.call_with_headers("hugo", form, key)
        self.assertEqual(first["id"], again["id"])
        self.assertEqual(len(hugo.scheduled_statuses()), before + 1)
        status, body, _ = self.call("hugo", "DELETE", f"/api/v1/scheduled_statuses/{first['id']}")
        self.assertEqual((status, body), (200, {}))
        self.assertEqual(len(hugo.scheduled_statuses()), before)
        with self.assertRaises(MastodonNotFoundError):
            hugo.scheduled_status(first["id"])

    def call_with_headers(self, who, form, extra):
        status, body, _ = api_call(self.server, self.api[who], "POST", "/api/v1/statuses", form,
                                   extra_headers=extra)
        self.assertEqual(status, 200, body)
        return body

if __name__ == "__main__":
    unittest.main()
