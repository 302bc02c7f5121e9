"""The outbound side of payments against a stand-in for Stripe's API on loopback: a member's
checkout for a plan and anyone's donation checkout carry the right price, amount and metadata;
`loxodon funding reconcile` applies the provider's events whose webhooks never arrived, once;
a member cancels at the end of the period; an administrator refunds a payment. The API key
only ever goes into the Authorization header (never into a log), and without a key (the manual
provider) checkouts are refused with a clear message."""

import json
import threading
import time
import unittest
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

from loxodon_e2e import Database, Server, api_call, create_user, get, run_cli

SECRET_KEY = "sk_test_do_not_log_4eC39HqLyjWDarjtT1zdp7dc"


class StripeStandIn:
    """Answers the few Stripe API calls Loxodon makes and remembers them."""

    def __init__(self):
        self.calls = []
        self.events = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self, body, status=200):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def record(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = urllib.parse.parse_qs(self.rfile.read(length).decode()) if length else {}
                stand_in.calls.append({"method": self.command, "path": self.path,
                                       "auth": self.headers.get("Authorization"),
                                       "version": self.headers.get("Stripe-Version"),
                                       "idempotency": self.headers.get("Idempotency-Key"),
                                       "form": {k: v[0] for k, v in form.items()}})

            def do_POST(self):
                self.record()
                if self.path == "/v1/checkout/sessions":
                    self.answer({"id": "cs_test_1", "object": "checkout.session",
                                 "url": "https://checkout.stripe.test/c/pay/cs_test_1"})
                elif self.path.startswith("/v1/subscriptions/"):
                    self.answer({"id": self.path.rsplit("/", 1)[1], "cancel_at_period_end": True})
                elif self.path == "/v1/refunds":
                    self.answer({"id": "re_1", "object": "refund"})
                else:
                    self.answer({"error": {"message": "No such route"}}, 404)

            def do_GET(self):
                self.record()
                if self.path.startswith("/v1/events"):
                    # Newest first, as Stripe lists them.
                    self.answer({"object": "list", "data": list(reversed(stand_in.events)),
                                 "has_more": False})
                else:
                    self.answer({"error": {"message": "No such route"}}, 404)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


class PaymentProviderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.stripe = StripeStandIn()
        cls.db = Database()
        cls.funding_env = {"LOXODON_FUNDING_STRIPE_SECRET_KEY": SECRET_KEY,
                           "LOXODON_FUNDING_STRIPE_API_BASE": cls.stripe.base,
                           "LOXODON_ALLOW_PRIVATE_ADDRESSES": "true"}
        cls.server = Server(cls.db.url, extra_env=cls.funding_env)
        cls.env = {"LOXODON_DATABASE_URL": cls.db.url,
                   "LOXODON_DOMAIN": f"localhost:{cls.server.port}", "LOXODON_SCHEME": "http",
                   **cls.funding_env}
        run_cli(["accounts", "create", "tess", "--email", "tess@example.com", "--password",
                 "correct horse battery", "--role", "admin"], env=cls.env, check=True)
        cls.admin = SimpleNamespace(access_token=run_cli(
            ["tokens", "create", "tess", "--scopes", "read write admin:read admin:write"],
            env=cls.env, check=True).stdout.strip())
        cls.member = create_user(cls.db.url, cls.server, "mia")
        cls.member_id = str(cls.member.me()["id"])
        status, plan, _ = api_call(cls.server, cls.admin, "POST", "/api/v1/admin/plans", {
            "name": "Supporter", "price": "4.00", "currency": "EUR",
            "provider_price_ref": "price_123", "max_characters": "1000"})
        assert status == 200, plan
        cls.plan = plan

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.db.close()
        cls.stripe.close()

    def calls_to(self, path_prefix):
        return [c for c in self.stripe.calls if c["path"].startswith(path_prefix)]

    def test_1_checkouts_carry_the_plan_or_the_donation(self):
        status, body, _ = api_call(self.server, self.member, "POST", "/api/v1/funding/checkout",
                                   {"plan_id": self.plan["id"]})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["url"], "https://checkout.stripe.test/c/pay/cs_test_1")
        call = self.calls_to("/v1/checkout/sessions")[-1]
        self.assertEqual(call["auth"], f"Bearer {SECRET_KEY}")
        self.assertEqual(call["version"], "2024-06-20")
        self.assertEqual(call["form"]["mode"], "subscription")
        self.assertEqual(call["form"]["line_items[0][price]"], "price_123")
        self.assertEqual(call["form"]["subscription_data[metadata][account_id]"], self.member_id)

        # Anyone may donate, signed in or not.
        status, _, body = get(self.server.base + "/api/v1/funding/donations/checkout",
                              method="POST", data=urllib.parse.urlencode({
                                  "amount": "12.50", "currency": "EUR", "interval": "month",
                                  "thanks": "named", "thanks_name": "Ada"}).encode(),
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 200, body)
        form = self.calls_to("/v1/checkout/sessions")[-1]["form"]
        self.assertEqual(form["line_items[0][price_data][unit_amount]"], "1250")
        self.assertEqual(form["line_items[0][price_data][currency]"], "eur")
        self.assertEqual(form["line_items[0][price_data][recurring][interval]"], "month")
        self.assertEqual(form["subscription_data[metadata][kind]"], "donation")
        self.assertEqual(form["subscription_data[metadata][thanks_name]"], "Ada")

        # A supporter-funded seat: three months of the plan, for someone else.
        status, body, _ = api_call(self.server, self.member, "POST",
                                   "/api/v1/funding/seats/checkout",
                                   {"plan_id": self.plan["id"], "months": "3"})
        self.assertEqual(status, 200, body)
        form = self.calls_to("/v1/checkout/sessions")[-1]["form"]
        self.assertEqual(form["mode"], "payment")
        self.assertEqual(form["line_items[0][price_data][unit_amount]"], "1200")
        self.assertEqual(form["payment_intent_data[metadata][seat_plan_id]"], self.plan["id"])
        self.assertEqual(form["payment_intent_data[metadata][seat_months]"], "3")

        for bad in ({"amount": "-5", "currency": "EUR"}, {"amount": "5", "currency": "XYZ"},
                    {"amount": "5", "currency": "EUR", "interval": "week"}):
            status, _, _ = get(self.server.base + "/api/v1/funding/donations/checkout",
                               method="POST", data=urllib.parse.urlencode(bad).encode(),
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
            self.assertEqual(status, 422, bad)

    def test_2_reconcile_applies_missed_events_once_then_cancel_and_refund(self):
        now = int(time.time())
        self.stripe.events = [
            {"id": "evt_sub", "type": "customer.subscription.created", "created": now - 60,
             "data": {"object": {"id": "sub_1", "object": "subscription", "status": "active",
                                 "current_period_end": now + 30 * 86400,
                                 "metadata": {"account_id": self.member_id},
                                 "items": {"data": [{"price": {"id": "price_123"}}]}}}},
            {"id": "evt_inv", "type": "invoice.paid", "created": now - 50,
             "data": {"object": {"id": "in_1", "object": "invoice", "amount_paid": 400,
                                 "currency": "eur", "subscription": "sub_1",
                                 "payment_intent": "pi_1", "period_end": now + 30 * 86400}}},
        ]
        first = run_cli(["funding", "reconcile", "--since", "2026-01-01"], env=self.env,
                        check=True)
        self.assertIn("2 event(s): 2 recorded", first.stdout)
        again = run_cli(["funding", "reconcile", "--since", "2026-01-01"], env=self.env,
                        check=True)
        self.assertIn("2 event(s): 0 recorded, 2 already recorded", again.stdout)
        status, memberships, _ = api_call(self.server, self.admin, "GET",
                                          "/api/v1/admin/memberships")
        self.assertEqual(status, 200)
        self.assertEqual([(m["acct"], m["status"]) for m in memberships], [("mia", "active")])
        # The member now has the plan's perk.
        status, _, _ = api_call(self.server, self.member, "POST", "/api/v1/statuses",
                                {"status": "x" * 800})
        self.assertEqual(status, 200)

        status, body, _ = api_call(self.server, self.member, "POST",
                                   "/api/v1/funding/membership/cancel")
        self.assertEqual(status, 200, body)
        self.assertTrue(body["cancel_at_period_end"])
        cancel = self.calls_to("/v1/subscriptions/sub_1")[-1]
        self.assertEqual(cancel["form"], {"cancel_at_period_end": "true"})

        status, ledger, _ = api_call(self.server, self.admin, "GET", "/api/v1/admin/ledger")
        payment = next(e for e in ledger if e["provider_ref"] == "pi_1")
        status, body, _ = api_call(self.server, self.admin, "POST",
                                   f"/api/v1/admin/ledger/{payment['id']}/refund_payment",
                                   {"amount": "1.50"})
        self.assertEqual(status, 202, body)
        refund = self.calls_to("/v1/refunds")[-1]
        self.assertEqual(refund["form"], {"payment_intent": "pi_1", "amount": "150"})
        # A retry of the same refund carries the same key, so the provider refunds once.
        self.assertEqual(refund["idempotency"], f"loxodon-refund-{payment['id']}-0-150")
        status, body, _ = api_call(self.server, self.admin, "POST",
                                   f"/api/v1/admin/ledger/{payment['id']}/refund_payment",
                                   {"amount": "5.00"})
        self.assertEqual(status, 422, body)  # more than the payment

        self.assertNotIn(SECRET_KEY, self.server.logs())
        self.assertNotIn(SECRET_KEY, first.stderr + again.stderr)

    def test_3_without_a_key_checkouts_are_refused_clearly(self):
        db = Database()
        manual = Server(db.url)
        try:
            user = create_user(db.url, manual, "ned")
            status, _, body = get(manual.base + "/api/v1/funding/donations/checkout",
                                  method="POST",
                                  data=b"amount=5&currency=EUR",
                                  headers={"Content-Type": "application/x-www-form-urlencoded",
                                           "Authorization": f"Bearer {user.access_token}"})
            self.assertEqual(status, 422)
            self.assertIn(b"takes payments by hand", body)
        finally:
            manual.close()
            db.close()


if __name__ == "__main__":
    unittest.main()
