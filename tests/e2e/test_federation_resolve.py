"""Two Loxodon instances on loopback, each with its own database: people on one find people on
the other by handle (search with resolve=true → WebFinger → signed actor fetch), and what the
remote profile says arrives sanitised."""

import unittest

from loxodon_e2e import Database, Server, api_call, create_user

PRIVATE = {"LOXODON_ALLOW_PRIVATE_ADDRESSES": "true"}


class ResolveTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db_a, cls.db_b = Database(), Database()
        cls.a = Server(cls.db_a.url, extra_env=PRIVATE)
        cls.b = Server(cls.db_b.url, extra_env=PRIVATE)
        cls.alice = create_user(cls.db_a.url, cls.a, "alice")
        cls.bob = create_user(cls.db_b.url, cls.b, "bob")
        cls.bob.account_update_credentials(
            display_name="Bob of B", note="Hi <script>alert(1)</script> from B", locked=True)
        cls.b_domain = f"localhost:{cls.b.port}"

    @classmethod
    def tearDownClass(cls):
        cls.a.close()
        cls.b.close()
        cls.db_a.close()
        cls.db_b.close()

    def search(self, q, resolve=True):
        code, body, _ = api_call(self.a, self.alice, "GET",
                                 f"/api/v2/search?q={q}&resolve={'true' if resolve else 'false'}"
                                 "&type=accounts")
        self.assertEqual(code, 200, body)
        return body["accounts"]

    def test_find_a_remote_account_by_handle(self):
        found = self.search(f"@bob@{self.b_domain}")
        self.assertEqual(len(found), 1, found)
        bob = found[0]
        self.assertEqual(bob["acct"], f"bob@{self.b_domain}")
        self.assertEqual(bob["username"], "bob")
        self.assertEqual(bob["display_name"], "Bob of B")
        self.assertTrue(bob["locked"])
        self.assertEqual(bob["url"], f"http://{self.b_domain}/@bob")
        self.assertNotIn("<script", bob["note"])
        self.assertIn("from B", bob["note"])
        # Stored: found again without resolving, and shown like any account.
        again = self.search(f"bob@{self.b_domain}", resolve=False)
        self.assertEqual([a["id"] for a in again], [bob["id"]])
        code, shown, _ = api_call(self.a, self.alice, "GET", f"/api/v1/accounts/{bob['id']}")
        self.assertEqual((code, shown["acct"]), (200, f"bob@{self.b_domain}"))
        # The key fetch was signed by A's instance actor and B served it.
        row = self.db_a.query(
            f"SELECT inbox_url || ' ' || coalesce(shared_inbox_url, '') || ' ' || "
            f"(public_key_pem <> '')::text FROM accounts WHERE id = {bob['id']}").strip()
        self.assertEqual(row, f"http://{self.b_domain}/users/bob/inbox "
                              f"http://{self.b_domain}/inbox true")

    def test_unknown_or_unreachable_handles_find_nothing(self):
        self.assertEqual(self.search(f"@nobody@{self.b_domain}"), [])
        self.assertEqual(self.search("@bob@localhost:1"), [])  # nothing listens there
        self.assertEqual(self.search("@bob@nonexistent.invalid"), [])


if __name__ == "__main__":
    unittest.main()
