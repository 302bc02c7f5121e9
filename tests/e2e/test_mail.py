"""Account e-mail through a local SMTP sink: confirmation links gate API access, password reset
links work, and the mail goes out as a durable job."""

import json
import re
import threading
import time
import unittest
import urllib.parse

from aiosmtpd.controller import Controller

from loxodon_e2e import Browser, Database, Server, free_port, get, run_cli


class Sink:
    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"

    def wait_for(self, recipient, count=1, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                found = [m for rcpt, m in self.messages if recipient in rcpt]
            if len(found) >= count:
                return found[count - 1]
            time.sleep(0.1)
        raise AssertionError(f"no mail for {recipient}; got {self.messages}")


class MailTest(unittest.TestCase):
    def setUp(self):
        self.sink = Sink()
        self.smtp_port = free_port()
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.smtp_port)
        self.controller.start()
        self.db = Database()
        self.server = Server(self.db.url, extra_env={
            "LOXODON_INSTANCE_REGISTRATIONS": "open", "LOXODON_OAUTH_PASSWORD_GRANT": "true",
            "LOXODON_SMTP_HOST": "127.0.0.1", "LOXODON_SMTP_PORT": str(self.smtp_port),
            "LOXODON_SMTP_SECURITY": "none", "LOXODON_SMTP_FROM_ADDRESS": "notifications@social.test"})
        status, _, body = get(self.server.base + "/api/v1/apps", method="POST", data=urllib.parse.urlencode({
            "client_name": "Mail test", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob",
            "scopes": "read write"}).encode())
        self.app = json.loads(body)

    def tearDown(self):
        self.server.stop()
        self.server.close()
        self.db.close()
        self.controller.stop()

    def post(self, path, data, token=None):
        headers = {"Authorization": "Bearer " + token} if token else {}
        status, _, body = get(self.server.base + path, method="POST", headers=headers,
                              data=urllib.parse.urlencode(data).encode())
        return status, json.loads(body)

    def test_confirmation_mail_gates_the_api(self):
        self.assertNotIn("no SMTP server configured", self.server.logs())
        status, app_token = self.post("/oauth/token", {
            "grant_type": "client_credentials", "scope": "read write",
            "client_id": self.app["client_id"], "client_secret": self.app["client_secret"]})
        status, created = self.post("/api/v1/accounts", {
            "username": "erin", "email": "erin@example.com", "password": "erin's password",
            "agreement": "true", "locale": "en"}, app_token["access_token"])
        self.assertEqual(status, 200, created)
        me = get(self.server.base + "/api/v1/accounts/verify_credentials",
                 headers={"Authorization": "Bearer " + created["access_token"]})
        self.assertEqual(me[0], 403)
        self.assertEqual(json.loads(me[2])["error"], "Your login is missing a confirmed e-mail address")

        mail = self.sink.wait_for("erin@example.com")
        self.assertIn("From: notifications@social.test", mail)
        link = re.search(r"(http://\S+/auth/confirmation\?confirmation_token=\S+)", mail).group(1)
        status, _, page = get(link)
        self.assertEqual(status, 200, page)
        me = get(self.server.base + "/api/v1/accounts/verify_credentials",
                 headers={"Authorization": "Bearer " + created["access_token"]})
        self.assertEqual(me[0], 200)
        # Links are single use.
        self.assertEqual(get(link)[0], 404)
        # The token is not in the mail server's view of anything but this message, and the
        # server never logged it.
        token = link.split("=")[-1]
        self.assertNotIn(token, self.server.logs())

    def test_password_reset_by_mail(self):
        env = {"LOXODON_DATABASE_URL": self.db.url, "LOXODON_DOMAIN": f"localhost:{self.server.port}",
               "LOXODON_SCHEME": "http"}
        run_cli(["accounts", "create", "fran", "--email", "fran@example.com", "--password", "old password!"],
                env=env, check=True)
        browser = Browser(self.server.base)
        status, _, page = browser.request("/auth/password/new")
        status, _, done = browser.submit(page, "/auth/password/new", {"email": "fran@example.com"})
        self.assertEqual(status, 200)
        # Unknown addresses get the same answer, so they cannot be probed.
        status, _, unknown = browser.submit(page, "/auth/password/new", {"email": "nobody@example.com"})
        self.assertEqual((status, unknown.count("on its way")), (200, 1))
        mail = self.sink.wait_for("fran@example.com")
        link = re.search(r"(http://\S+/auth/password/edit\?reset_password_token=\S+)", mail).group(1)
        # The link names the configured domain (localhost:PORT); keep the browser's cookies by
        # following it on the address the browser already uses.
        status, _, form = browser.request(link[link.index("/auth/"):])
        status, _, result = browser.submit(form, "/auth/password/edit", {"password": "new password!"})
        self.assertEqual(status, 200, result)
        status, token = self.post("/oauth/token", {
            "grant_type": "password", "username": "fran@example.com", "password": "new password!",
            "scope": "read", "client_id": self.app["client_id"], "client_secret": self.app["client_secret"]})
        self.assertEqual(status, 200, token)
        status, error = self.post("/oauth/token", {
            "grant_type": "password", "username": "fran@example.com", "password": "old password!",
            "scope": "read", "client_id": self.app["client_id"], "client_secret": self.app["client_secret"]})
        self.assertEqual((status, error["error"]), (400, "invalid_grant"))

    def test_changing_the_address_needs_the_new_address_to_confirm(self):
        env = {"LOXODON_DATABASE_URL": self.db.url, "LOXODON_DOMAIN": f"localhost:{self.server.port}",
               "LOXODON_SCHEME": "http"}
        run_cli(["accounts", "create", "gail", "--email", "gail@example.com", "--password", "gail's password"],
                env=env, check=True)
        browser = Browser(self.server.base)
        status, _, page = browser.request("/auth/sign_in")
        status, headers, _ = browser.submit(page, "/auth/sign_in",
                                            {"login": "gail", "password": "gail's password"})
        self.assertEqual(status, 303)
        status, _, settings = browser.request("/settings")
        status, headers, _ = browser.submit(settings, "/settings/email",
                                            {"email": "gail@new.example", "current_password": "gail's password"})
        self.assertEqual(status, 303)
        self.assertEqual(headers["Location"], "/settings?notice=email_pending")
        status, _, notice = browser.request(headers["Location"])
        self.assertIn("confirmation link to the new address", notice)
        # Nothing changes until the new address confirms.
        self.assertEqual(self.db.query("SELECT email FROM users u JOIN accounts a ON a.id = u.account_id "
                                       "WHERE a.username = 'gail'"), "gail@example.com")
        mail = self.sink.wait_for("gail@new.example")
        link = re.search(r"(http://\S+/auth/confirmation\?confirmation_token=\S+)", mail).group(1)
        self.assertEqual(get(link)[0], 200)
        self.assertEqual(self.db.query("SELECT email FROM users u JOIN accounts a ON a.id = u.account_id "
                                       "WHERE a.username = 'gail'"), "gail@new.example")
        # A wrong current password changes nothing and sends nothing.
        status, _, settings = browser.request("/settings")
        status, _, body = browser.submit(settings, "/settings/email",
                                         {"email": "gail@other.example", "current_password": "wrong"})
        self.assertEqual(status, 422)
        self.assertIn("Current password is invalid", body)
        time.sleep(1)
        self.assertFalse(any("gail@other.example" in rcpt for rcpt, _ in self.sink.messages))


if __name__ == "__main__":
    unittest.main(verbosity=2)
