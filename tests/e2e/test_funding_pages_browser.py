"""The funding, sponsors and about pages in a real browser: a seeded ledger, goal, stretch goal,
sponsor (with a logo) and sponsored placements (with creatives) are set up through the admin
API of a running `loxodon serve`; Debian's headless Chromium, driven by npm playwright-core,
opens the pages, the chart and the JSON, takes screenshots, and records every request each
page makes. The totals must be right, every image must load, the Content-Security-Policy must
have nothing to complain about, and no request may leave our origin."""

import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest
import urllib.parse
from types import SimpleNamespace

from loxodon_e2e import Database, Server, api_call, create_user, get, run_cli

NODE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "node")
PNG_8X8 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000008000000080806000000c40fbe8b0000001249444154789c6338"
    "61a3f11f1f6618190a007e118ac1db8c1c3a0000000049454e44ae426082")


def month_of(t):
    return time.strftime("%Y-%m", time.gmtime(t))


def months_ago(back):
    year, month = map(int, month_of(time.time()).split("-"))
    index = year * 12 + month - 1 - back
    return f"{index // 12:04d}-{index % 12 + 1:02d}-15T12:00:00Z"


def multipart(fields, file_field, data):
    boundary = "loxodonpagecheck"
    body = b""
    for name, value in fields.items():
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                 f"{value}\r\n").encode()
    body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{file_field}\"; "
             f"filename=\"image.png\"\r\nContent-Type: image/png\r\n\r\n").encode()
    body += data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


class FundingPagesBrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = Database()
        cls.server = Server(cls.db.url, extra_env={
            "LOXODON_FUNDING_PAYMENT_LINKS":
                "Open Collective=https://opencollective.com/loxodon-example"})
        env = {"LOXODON_DATABASE_URL": cls.db.url,
               "LOXODON_DOMAIN": f"localhost:{cls.server.port}", "LOXODON_SCHEME": "http"}
        run_cli(["accounts", "create", "tess", "--email", "tess@example.com", "--password",
                 "correct horse battery", "--role", "admin"], env=env, check=True)
        token = run_cli(["tokens", "create", "tess", "--scopes", "read admin:read admin:write"],
                        env=env, check=True).stdout.strip()
        cls.admin = SimpleNamespace(access_token=token)
        cls.member = create_user(cls.db.url, cls.server, "mia")
        cls.out_dir = tempfile.mkdtemp(prefix="loxodon-pages-")
        cls.seed()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.db.close()
        shutil.rmtree(cls.out_dir, ignore_errors=True)

    @classmethod
    def call(cls, method, path, form=None):
        status, body, _ = api_call(cls.server, cls.admin, method, path, form)
        assert status == 200, f"{method} {path} -> {status}: {body}"
        return body

    @classmethod
    def upload(cls, path, fields, file_field):
        body, content_type = multipart(fields, file_field, PNG_8X8)
        status, _, answer = get(cls.server.base + path, method="POST", data=body, headers={
            "Authorization": f"Bearer {cls.admin.access_token}", "Content-Type": content_type})
        assert status == 200, f"POST {path} -> {status}: {answer[:300]!r}"
        return json.loads(answer)

    @classmethod
    def seed(cls):
        cls.call("PUT", "/api/v1/admin/funding", {
            "currency": "EUR", "monthly_goal": "500", "reserve_target": "1000",
            "description": "Hosting and moderation for our community"})
        cls.call("POST", "/api/v1/admin/funding/stretch_goals",
                 {"title": "Video hosting", "amount": "150"})
        record = lambda form: cls.call("POST", "/api/v1/admin/ledger", form)
        record({"direction": "in", "source": "donation", "amount": "200", "currency": "EUR",
                "occurred_at": months_ago(3)})
        for back in (3, 2, 1):
            record({"direction": "out", "category": "Hosting", "amount": "60", "currency": "EUR",
                    "recurrence": "monthly", "occurred_at": months_ago(back)})
        record({"direction": "in", "source": "membership", "amount": "50", "currency": "EUR",
                "occurred_at": months_ago(1)})
        donation = record({"direction": "in", "source": "donation", "amount": "100",
                           "currency": "EUR"})
        cls.call("POST", f"/api/v1/admin/ledger/{donation['id']}/reverse",
                 {"kind": "refund", "amount": "10"})
        record({"direction": "in", "source": "membership", "amount": "50", "currency": "EUR"})
        record({"direction": "in", "source": "sponsorship", "amount": "30", "currency": "EUR"})
        record({"direction": "out", "category": "Hosting", "amount": "40", "currency": "EUR"})
        record({"direction": "out", "category": "Moderation", "amount": "20", "currency": "EUR"})

        sponsor = cls.upload("/api/v1/admin/sponsors", {
            "name": "Fjord Hosting", "url": "https://fjord.example/", "tier": "Gold",
            "price_band": "100-250 EUR a month", "starts_on": "2026-01-01",
            "renewal": "monthly"}, "logo")
        for surface in ("funding", "sponsors", "about"):
            cls.upload(f"/api/v1/admin/sponsors/{sponsor['id']}/placements", {
                "surface": surface, "headline": f"Wind-powered hosting ({surface})",
                "link_url": "https://fjord.example/offer",
                "creative_description": "A fjord"}, "creative")

    def check_pages(self, paths):
        proc = subprocess.run(["node", os.path.join(NODE_DIR, "page_check.mjs"),
                               self.server.base, self.out_dir, *paths],
                              capture_output=True, text=True, timeout=180)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return {p["path"]: p for p in json.loads(proc.stdout)["pages"]}

    def test_pages_show_the_right_totals_and_stay_on_our_origin(self):
        pages = self.check_pages(["/about/funding", "/about/sponsors", "/about",
                                  "/about/funding/chart.svg", "/api/v1/instance/funding"])
        origin = self.server.base
        for path, page in pages.items():
            self.assertEqual(page["status"], 200, path)
            self.assertTrue(page["requests"], path)
            for url in page["requests"]:
                self.assertTrue(url == origin or url.startswith(origin + "/"),
                                f"{path} requested {url}, outside {origin}")
            for image in page["images"]:
                self.assertTrue(image["loaded"], f"{path}: {image['src']} did not load")
                self.assertTrue(image["src"].startswith("/system/media/"), image["src"])
            self.assertFalse([line for line in page["console"] if "Security Policy" in line],
                             page["console"])
            with open(page["screenshot"], "rb") as f:
                shot = f.read()
            self.assertTrue(shot.startswith(b"\x89PNG") and len(shot) > 5000, path)

        funding = pages["/about/funding"]["texts"]
        self.assertEqual(funding["raised"], "170.00 EUR")
        self.assertEqual(funding["goal-amount"], "500.00 EUR")
        self.assertEqual(funding["percent"], "34%")
        self.assertEqual(funding["balance"], "180.00 EUR")
        self.assertEqual(funding["monthly-costs"], "60.00 EUR")
        self.assertEqual(funding["runway"], "3.0 months")
        self.assertEqual(funding["reserve"], "1000.00 EUR")
        self.assertIn("Donations90.00 EUR", funding["income-month"].replace("\n", ""))
        self.assertIn("Memberships50.00 EUR", funding["income-month"].replace("\n", ""))
        self.assertIn("Hosting40.00 EUR", funding["costs-month"].replace("\n", ""))
        self.assertIn("Reached", funding["stretch-goals"])
        self.assertIn("Sponsored", funding["sponsored"])
        self.assertIn("Wind-powered hosting (funding)", funding["sponsored"])
        self.assertEqual(len(pages["/about/funding"]["images"]), 1)  # the creative

        sponsors = pages["/about/sponsors"]["texts"]
        self.assertIn("Fjord Hosting", sponsors["current-sponsors"])
        self.assertIn("100-250 EUR a month", sponsors["current-sponsors"])
        self.assertIn("Wind-powered hosting (about)", sponsors["placements"])
        self.assertIn("Wind-powered hosting (sponsors)", sponsors["sponsored"])
        self.assertIn("Wind-powered hosting (about)", pages["/about"]["texts"]["sponsored"])
        self.assertEqual(len(pages["/about/sponsors"]["images"]), 2)  # creative and logo

        # The browser's view of the JSON and the chart agrees with the page.
        self.assertEqual(pages["/about/funding/chart.svg"]["status"], 200)
        api = json.loads(get(self.server.base + "/api/v1/instance/funding")[2])
        self.assertEqual(api["raised_this_month"]["amount"], "170.00")
        self.assertEqual(api["balance"]["amount"], "180.00")
        self.assertEqual(api["runway_months"], 3.0)
        self.assertEqual(api["goal"]["percent"], 34)
        self.assertEqual(api["payment_links"][0]["href"],
                         "https://opencollective.com/loxodon-example")

    def test_a_members_profile_page_wears_their_look_and_stays_on_our_origin(self):
        plan = self.call("POST", "/api/v1/admin/plans", {
            "name": "Style", "price": "2", "currency": "EUR", "customization": "true"})
        self.call("POST", "/api/v1/admin/memberships",
                  {"account_id": str(self.member.me()["id"]), "plan_id": plan["id"]})
        status, body, _ = api_call(self.server, self.member, "PATCH",
                                   "/api/v1/accounts/update_credentials",
                                   {"display_name": "Mia", "accent_color": "#aa3366",
                                    "profile_theme": "dark"})
        self.assertEqual(status, 200, body)
        self.member.status_post("Hello from the browser test")
        self.member.status_post("Only for followers", visibility="private")
        page = self.check_pages(["/@mia"])["/@mia"]
        self.assertEqual(page["status"], 200)
        origin = self.server.base
        for url in page["requests"]:
            self.assertTrue(url == origin or url.startswith(origin + "/"), url)
        self.assertFalse([line for line in page["console"] if "Security Policy" in line],
                         page["console"])
        self.assertIn("Hello from the browser test", page["texts"]["posts"])
        self.assertNotIn("Only for followers", page["texts"]["posts"])
        with open(page["screenshot"], "rb") as f:
            self.assertGreater(len(f.read()), 5000)

    def test_the_placement_click_counts_an_aggregate_and_logs_no_address(self):
        pages = self.check_pages(["/about/sponsors"])
        self.assertTrue(pages["/about/sponsors"]["requests"])
        status, placements, _ = api_call(self.server, self.admin, "GET", "/api/v1/admin/placements")
        self.assertEqual(status, 200)
        sponsors_placement = next(p for p in placements if p["surface"] == "sponsors")
        status, headers, _ = get(self.server.base + f"/sponsored/{sponsors_placement['id']}/click")
        # urllib follows the redirect to fjord.example, which does not resolve: no status.
        stats = self.call("GET", f"/api/v1/admin/placements/{sponsors_placement['id']}/stats")
        self.assertEqual(len(stats), 1)
        self.assertGreaterEqual(stats[0]["impressions"], 1)
        self.assertEqual(stats[0]["clicks"], 1)
        time.sleep(0.3)
        logs = self.server.logs()
        click_lines = [l for l in logs.splitlines() if "/sponsored/" in l]
        self.assertTrue(click_lines)
        for line in click_lines + [l for l in logs.splitlines() if "/about" in l]:
            self.assertNotIn("127.0.0.1", line)


if __name__ == "__main__":
    unittest.main()
