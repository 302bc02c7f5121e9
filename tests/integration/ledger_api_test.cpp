// The funding ledger through the admin API: entries in minor units with ISO 4217 currencies,
// reversals that never exceed what they reverse, a CSV export a spreadsheet cannot be tricked
// by, administrators only, and a table the database itself keeps append-only.
#include "app_harness.hpp"

#include <gtest/gtest.h>

namespace lox {
namespace {

using lox::testing::AppHarness;
using nlohmann::json;

class LedgerApiTest : public ::testing::Test {
 protected:
  LedgerApiTest()
      : admin_(h_.create_user("tess", "admin")),
        moderator_(h_.create_user("carol", "moderator")),
        admin_token_(h_.token_for(admin_, "read admin:read admin:write")),
        moderator_token_(h_.token_for(moderator_, "read admin:read admin:write")) {}

  std::optional<lox::testing::RawResponse> record(const std::string& body,
                                                  const std::string& token = "") {
    return h_.request("POST", "/api/v1/admin/ledger", token.empty() ? admin_token_ : token, body);
  }
  long long entries() { return h_.tdb.count("SELECT count(*) FROM ledger_entries"); }

  AppHarness h_;
  domain::UserWithAccount admin_, moderator_;
  std::string admin_token_, moderator_token_;
};

TEST_F(LedgerApiTest, RecordsEntriesInMinorUnits) {
  auto res = record(
      "direction=in&source=donation&amount=12.34&currency=EUR&description=Cash+at+the+meetup");
  ASSERT_EQ(res->status, 200) << res->body;
  auto entry = json::parse(res->body);
  EXPECT_EQ(entry["amount"], "12.34");
  EXPECT_EQ(entry["amount_minor"], 1234);
  EXPECT_EQ(entry["currency"], "EUR");
  EXPECT_EQ(entry["direction"], "in");
  EXPECT_EQ(entry["recorded_by"], "@tess");
  auto cost = record(
      "direction=out&category=hosting&amount_minor=4500&currency=JPY"
      "&recurrence=monthly&occurred_at=2026-11-01T00:00:00Z");
  ASSERT_EQ(cost->status, 200) << cost->body;
  EXPECT_EQ(json::parse(cost->body)["source"], "cost");
  EXPECT_EQ(json::parse(cost->body)["amount"], "4500");
  EXPECT_EQ(json::parse(cost->body)["occurred_at"], "2026-11-01T00:00:00.000Z");
  auto list = h_.request("GET", "/api/v1/admin/ledger", admin_token_);
  ASSERT_EQ(list->status, 200);
  EXPECT_EQ(json::parse(list->body).size(), 2u);
}

TEST_F(LedgerApiTest, BadInputIsRefusedAndStoresNothing) {
  for (const char* body : {
           "direction=in&source=donation&amount=5&currency=XYZ",      // not a currency
           "direction=in&source=donation&amount=5&currency=eur",      // not upper case
           "direction=in&source=donation&amount=-5&currency=EUR",     // negative
           "direction=in&source=donation&amount=0&currency=EUR",      // zero
           "direction=in&source=donation&amount=1.234&currency=EUR",  // too many decimals
           "direction=in&source=donation&amount=1.5&currency=JPY",    // yen has no cents
           "direction=in&source=donation&amount=99999999999999999999&currency=EUR",  // overflow
           "direction=in&source=donation&amount_minor=-100&currency=EUR",
           "direction=in&source=donation&amount_minor=1000000000000001&currency=EUR",
           "direction=in&source=donation&amount_minor=abc&currency=EUR",
           "direction=in&source=donation&currency=EUR",  // no amount
           "direction=sideways&source=donation&amount=5&currency=EUR",
           "direction=in&source=cost&amount=5&currency=EUR",  // costs go out
           "direction=out&source=donation&amount=5&currency=EUR",
           "direction=in&source=donation&amount=5&currency=EUR&recurrence=weekly",
       }) {
    auto res = record(body);
    EXPECT_EQ(res->status, 422) << body << " " << res->body;
    EXPECT_NE(json::parse(res->body)["error"].get<std::string>().find("Validation failed"),
              std::string::npos);
  }
  EXPECT_EQ(entries(), 0);
}

TEST_F(LedgerApiTest, OnlyAdministratorsTouchTheLedger) {
  auto made = record("direction=in&source=donation&amount=5&currency=EUR");
  std::string id = json::parse(made->body)["id"];
  // Moderators handle reports, not money; a plain user even less.
  EXPECT_EQ(record("direction=in&source=donation&amount=5&currency=EUR", moderator_token_)->status,
            403);
  EXPECT_EQ(h_.request("GET", "/api/v1/admin/ledger", moderator_token_)->status, 403);
  EXPECT_EQ(h_.request("GET", "/api/v1/admin/ledger/export", moderator_token_)->status, 403);
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/ledger/" + id + "/reverse", moderator_token_)->status,
            403);
  // A token without the admin scope is refused before the role is looked at.
  auto read_only = h_.token_for(admin_, "read");
  EXPECT_EQ(record("direction=in&source=donation&amount=5&currency=EUR", read_only)->status, 403);
  EXPECT_EQ(entries(), 1);
}

TEST_F(LedgerApiTest, ReversalsNeverExceedWhatTheyReverse) {
  auto made = record("direction=in&source=membership&amount=12.34&currency=EUR");
  std::string id = json::parse(made->body)["id"];
  const std::string path = "/api/v1/admin/ledger/" + id + "/reverse";
  auto part = h_.request("POST", path, admin_token_, "kind=refund&amount=5.00");
  ASSERT_EQ(part->status, 200) << part->body;
  auto refund = json::parse(part->body);
  EXPECT_EQ(refund["direction"], "out");
  EXPECT_EQ(refund["source"], "refund");
  EXPECT_EQ(refund["reverses_entry_id"], id);
  EXPECT_EQ(refund["amount_minor"], 500);
  auto too_much = h_.request("POST", path, admin_token_, "kind=refund&amount=8.00");
  EXPECT_EQ(too_much->status, 422) << too_much->body;
  EXPECT_NE(too_much->body.find("7.34 EUR"), std::string::npos) << too_much->body;
  // Without an amount, the rest: then nothing remains.
  auto rest = h_.request("POST", path, admin_token_, "kind=dispute");
  ASSERT_EQ(rest->status, 200) << rest->body;
  EXPECT_EQ(json::parse(rest->body)["amount"], "7.34");
  EXPECT_EQ(h_.request("POST", path, admin_token_, "kind=refund")->status, 422);
  std::string refund_id = refund["id"];
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/ledger/" + refund_id + "/reverse", admin_token_,
                       "kind=correction")
                ->status,
            422);
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/ledger/12345/reverse", admin_token_)->status, 404);
  EXPECT_EQ(h_.request("POST", path, admin_token_, "kind=chargeback")->status, 422);
  auto original = json::parse(h_.request("GET", "/api/v1/admin/ledger", admin_token_)->body);
  EXPECT_EQ(original.back()["reversed"], "12.34");
  EXPECT_EQ(entries(), 3);
}

TEST_F(LedgerApiTest, CsvExportIsSafeToOpen) {
  record(
      "direction=in&source=donation&amount=10&currency=EUR"
      "&description=%3DHYPERLINK(%22http%3A%2F%2Fevil.example%22)");
  record("direction=out&category=hosting%2C+backups&amount=3.50&currency=USD");
  auto res = h_.request("GET", "/api/v1/admin/ledger/export", admin_token_);
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->header("content-type").find("text/csv"), std::string::npos);
  const std::string& csv = res->body;
  EXPECT_EQ(csv.rfind("id,occurred_at,direction,source,category,amount,signed_amount,", 0), 0u);
  EXPECT_NE(csv.find(",10.00,10.00,EUR,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://evil.example\"\")\""), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"hosting, backups\",3.50,-3.50,USD"), std::string::npos) << csv;
}

TEST_F(LedgerApiTest, TheDatabaseKeepsEntriesImmutable) {
  record("direction=in&source=donation&amount=5&currency=EUR");
  EXPECT_THROW(h_.tdb.query("UPDATE ledger_entries SET amount_minor = 1"), std::exception);
  EXPECT_THROW(h_.tdb.query("DELETE FROM ledger_entries"), std::exception);
  EXPECT_EQ(h_.tdb.scalar("SELECT amount_minor FROM ledger_entries"), "500");
}

}  // namespace
}  // namespace lox
