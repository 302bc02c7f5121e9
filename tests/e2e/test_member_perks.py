"""Perks of a membership through a real client (Mastodon.py) against a real `loxodon` process:
a member adds a custom emoji in their plan's slot, every app's picker lists it, a post that
uses it carries it; hidden counts read 0 for others; the public profile page wears the
member's accent colour; and a member without the plan is refused each of these."""

import json
import unittest
import uuid
from types import SimpleNamespace

from loxodon_e2e import Database, Server, api_call, create_user, get, run_cli

# An 8 × 8 PNG.
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000008000000080806000000c40fbe8b0000001249444154789c6338"
    "61a3f11f1f6618190a007e118ac1db8c1c3a0000000049454e44ae426082")


def upload_emoji(server, client, shortcode, image=TINY_PNG):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"shortcode\"\r\n\r\n"
            f"{shortcode}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; "
            f"filename=\"e.png\"\r\nContent-Type: image/png\r\n\r\n").encode() + image + \
        f"\r\n--{boundary}--\r\n".encode()
    status, _, raw = get(server.base + "/api/v1/custom_emojis", method="POST", data=body,
                         headers={"Authorization": f"Bearer {client.access_token}",
                                  "Content-Type": f"multipart/form-data; boundary={boundary}"})
    return status, (json.loads(raw) if raw else None)


class MemberPerksTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        cls.server = Server(cls.db.url)
        env = {"LOXODON_DATABASE_URL": cls.db.url,
               "LOXODON_DOMAIN": f"localhost:{cls.server.port}", "LOXODON_SCHEME": "http"}
        run_cli(["accounts", "create", "tess", "--email", "tess@example.com", "--password",
                 "correct horse battery", "--role", "admin"], env=env, check=True)
        cls.admin = SimpleNamespace(access_token=run_cli(
            ["tokens", "create", "tess", "--scopes", "read write admin:read admin:write"],
            env=env, check=True).stdout.strip())
        cls.member = create_user(cls.db.url, cls.server, "mia")
        cls.other = create_user(cls.db.url, cls.server, "fred")
        status, plan, _ = api_call(cls.server, cls.admin, "POST", "/api/v1/admin/plans", {
            "name": "Patron", "price": "5.00", "currency": "EUR", "custom_emoji_slots": "1",
            "privacy_tools": "true", "customization": "true", "badge": "Patron"})
        assert status == 200, plan
        cls.plan = plan

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.db.close()

    def test_1_without_the_plan_each_perk_is_refused(self):
        status, body = upload_emoji(self.server, self.member, "mia_cat")
        self.assertEqual(status, 422, body)
        for form in ({"hide_counts": "true"}, {"accent_color": "#aa3366"}):
            status, body, _ = api_call(self.server, self.member, "PATCH",
                                       "/api/v1/accounts/update_credentials", form)
            self.assertEqual(status, 422, body)
        self.assertEqual(self.other.custom_emojis(), [])

    def test_2_members_use_their_perks_through_any_app(self):
        status, comp, _ = api_call(self.server, self.admin, "POST", "/api/v1/admin/memberships",
                                   {"account_id": str(self.member.me()["id"]),
                                    "plan_id": self.plan["id"]})
        self.assertEqual(status, 200, comp)

        status, emoji = upload_emoji(self.server, self.member, "mia_cat")
        self.assertEqual(status, 200, emoji)
        self.assertEqual(emoji["added_by"], "mia")
        picker = self.other.custom_emojis()
        self.assertEqual([e["shortcode"] for e in picker], ["mia_cat"])
        # Served from the instance's own origin and media store.
        own = f"http://localhost:{self.server.port}/system/media/"
        self.assertTrue(picker[0]["url"].startswith(own), picker[0]["url"])
        path = picker[0]["url"][len(f"http://localhost:{self.server.port}"):]
        status, _, image = get(self.server.base + path)
        self.assertEqual(status, 200)
        self.assertEqual(image[:8], b"\x89PNG\r\n\x1a\n")
        self.assertEqual(upload_emoji(self.server, self.member, "mia_dog")[0], 422)  # one slot

        post = self.member.status_post("Meow :mia_cat:")
        self.assertEqual([e["shortcode"] for e in post["emojis"]], ["mia_cat"])
        seen = self.other.status(post["id"])
        self.assertEqual(seen["emojis"][0]["shortcode"], "mia_cat")
        self.assertEqual(seen["account"]["roles"][0]["name"], "Patron")

        self.other.account_follow(self.member.me()["id"])
        self.assertEqual(self.other.account(self.member.me()["id"])["followers_count"], 1)
        status, body, _ = api_call(self.server, self.member, "PATCH",
                                   "/api/v1/accounts/update_credentials",
                                   {"hide_counts": "true", "accent_color": "#AA3366",
                                    "profile_theme": "dark"})
        self.assertEqual(status, 200, body)
        self.assertEqual(self.other.account(self.member.me()["id"])["followers_count"], 0)
        self.assertEqual(self.member.me()["followers_count"], 1)  # the owner still sees it
        self.assertEqual(self.other.account_followers(self.member.me()["id"]), [])

        status, headers, page = get(self.server.base + "/@mia", headers={"Accept": "text/html"})
        self.assertEqual(status, 200)
        self.assertIn("text/html", headers["Content-Type"])
        page = page.decode()
        self.assertIn("border-top:6px solid #aa3366", page)
        self.assertIn("Meow :mia_cat:", page)
        self.assertNotIn("1 follower", page)

        mine = api_call(self.server, self.member, "GET", "/api/v1/funding/membership")[1]
        self.assertEqual(mine["perks"]["custom_emoji_slots"], 1)
        self.assertTrue(mine["perks"]["privacy_tools"])
        status, policy, _ = api_call(self.server, self.member, "PUT",
                                     "/api/v1/statuses_cleanup_policy",
                                     {"enabled": "true", "min_status_age_days": "30"})
        self.assertEqual(status, 200, policy)
        self.assertTrue(policy["enabled"])


if __name__ == "__main__":
    unittest.main()
