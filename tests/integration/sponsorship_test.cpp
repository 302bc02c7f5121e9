// Sponsors and sponsored placements without tracking: placements only on instance surfaces,
// labelled, linked through a counting redirect with no referrer, creatives from our origin,
// aggregate counters only, nothing for ad-free members, community curators limited to their
// own community, and a public disclosure page and JSON listing everything.
#include "app_harness.hpp"
#include "funding_fixtures.hpp"

#include <gtest/gtest.h>

namespace lox {
namespace {

using lox::testing::AppHarness;
using nlohmann::json;

using lox::testing::tiny_png;

using lox::testing::kBoundary;
using lox::testing::multipart;

class SponsorshipTest : public ::testing::Test {
 protected:
  SponsorshipTest()
      : admin_(h_.create_user("tess", "admin")),
        curator_(h_.create_user("cora")),
        member_(h_.create_user("mia")),
        admin_token_(h_.token_for(admin_, "read admin:read admin:write")),
        curator_token_(h_.token_for(curator_, "read admin:read admin:write")) {}

  std::optional<lox::testing::RawResponse> post_multipart(
      const std::string& path, const std::string& token,
      const std::vector<std::pair<std::string, std::string>>& fields,
      const std::string& file_field = "") {
    return h_.request("POST", path, token, multipart(fields, file_field, tiny_png()),
                      "multipart/form-data; boundary=" + kBoundary);
  }
  std::string sponsor(const std::string& token = "", const std::string& community = "") {
    std::vector<std::pair<std::string, std::string>> fields = {
        {"name", "Fjord Hosting"},
        {"url", "https://fjord.example/"},
        {"tier", "Gold"},
        {"price_band", "100-250 EUR a month"},
        {"terms", "Logo on our pages"},
        {"starts_on", "2026-01-01"},
        {"renewal", "monthly"}};
    if (!community.empty()) fields.emplace_back("community", community);
    auto res = post_multipart("/api/v1/admin/sponsors", token.empty() ? admin_token_ : token,
                              fields, "logo");
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body)["id"];
  }
  std::optional<lox::testing::RawResponse> place(
      const std::string& sponsor_id, std::vector<std::pair<std::string, std::string>> fields,
      const std::string& token = "") {
    return post_multipart("/api/v1/admin/sponsors/" + sponsor_id + "/placements",
                          token.empty() ? admin_token_ : token, fields, "creative");
  }
  std::string page(const std::string& path, const std::string& cookie = "") {
    auto res = lox::testing::http_request(h_.server.port(), "GET", path,
                                          cookie.empty() ? "" : "Cookie: " + cookie + "\r\n");
    EXPECT_EQ(res->status, 200) << path;
    return res->body;
  }
  json stats(const std::string& placement_id) {
    auto res =
        h_.request("GET", "/api/v1/admin/placements/" + placement_id + "/stats", admin_token_);
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body);
  }

  AppHarness h_;
  domain::UserWithAccount admin_, curator_, member_;
  std::string admin_token_, curator_token_;
};

TEST_F(SponsorshipTest, APlacementIsLabelledServedFromOurOriginAndCountedInAggregate) {
  auto sponsor_id = sponsor();
  auto res = place(sponsor_id, {{"surface", "funding"},
                                {"headline", "Hosting that runs on wind"},
                                {"body", "Ten percent off for members"},
                                {"link_url", "https://fjord.example/offer?src=loxodon"},
                                {"creative_description", "A fjord"}});
  ASSERT_EQ(res->status, 200) << res->body;
  std::string placement_id = json::parse(res->body)["id"];

  std::string html = page("/about/funding");
  EXPECT_NE(html.find("Sponsored &middot; Fjord Hosting"), std::string::npos);
  EXPECT_NE(html.find("Hosting that runs on wind"), std::string::npos);
  EXPECT_NE(html.find("href=\"/sponsored/" + placement_id +
                      "/click\" rel=\"sponsored noopener noreferrer\" "
                      "referrerpolicy=\"no-referrer\""),
            std::string::npos);
  auto img = html.find("<img src=\"/system/media/");
  ASSERT_NE(img, std::string::npos) << html;
  // The creative is served by us.
  auto src_end = html.find('"', img + 10);
  std::string src = html.substr(img + 10, src_end - img - 10);
  auto creative = lox::testing::http_request(h_.server.port(), "GET", src);
  EXPECT_EQ(creative->status, 200) << src;
  EXPECT_EQ(creative->body.substr(1, 3), "PNG");

  page("/about/funding");
  auto days = stats(placement_id);
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days[0]["impressions"], 2);
  EXPECT_EQ(days[0]["clicks"], 0);

  auto click =
      lox::testing::http_request(h_.server.port(), "GET", "/sponsored/" + placement_id + "/click");
  EXPECT_EQ(click->status, 303);
  EXPECT_EQ(click->header("location"), "https://fjord.example/offer?src=loxodon");
  EXPECT_EQ(click->header("referrer-policy"), "no-referrer");
  EXPECT_TRUE(click->header("set-cookie").empty());
  EXPECT_EQ(stats(placement_id)[0]["clicks"], 1);
  EXPECT_EQ(lox::testing::http_request(h_.server.port(), "GET", "/sponsored/12345/click")->status,
            404);

  // Ended placements no longer show.
  ASSERT_EQ(
      h_.request("POST", "/api/v1/admin/placements/" + placement_id + "/end", admin_token_)->status,
      200);
  EXPECT_EQ(page("/about/funding").find("Sponsored"), std::string::npos);
}

TEST_F(SponsorshipTest, APlacementWaitsForItsSponsorshipToBegin) {
  auto future = h_.request("POST", "/api/v1/admin/sponsors", admin_token_,
                           "name=Later+Hosting&starts_on=2099-01-01");
  ASSERT_EQ(future->status, 200);
  std::string id = json::parse(future->body)["id"];
  ASSERT_EQ(place(id, {{"surface", "funding"},
                       {"headline", "Coming soon"},
                       {"link_url", "https://later.example/"}})
                ->status,
            200);
  EXPECT_EQ(page("/about/funding").find("Coming soon"), std::string::npos);
}

TEST_F(SponsorshipTest, OffersAndTheirCodesReachOnlyMembersOfTheirPlans) {
  auto sponsor_id = sponsor();
  auto plan =
      h_.request("POST", "/api/v1/admin/plans", admin_token_, "name=Member&price=3&currency=EUR");
  std::string plan_id = json::parse(plan->body)["id"];
  auto offer = h_.request("POST", "/api/v1/admin/sponsors/" + sponsor_id + "/offers", admin_token_,
                          "title=20%25+off+hosting&code=LOXODON20&plan_ids[]=" + plan_id);
  ASSERT_EQ(offer->status, 200) << offer->body;
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/sponsors/" + sponsor_id + "/offers", admin_token_,
                       "title=X&plan_ids[]=12345")
                ->status,
            422);
  auto member_token = h_.token_for(member_, "read");
  auto offers = [&] {
    auto res = h_.request("GET", "/api/v1/funding/offers", member_token);
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body);
  };
  EXPECT_TRUE(offers().empty());
  ASSERT_EQ(h_.request("POST", "/api/v1/admin/memberships", admin_token_,
                       "account_id=" + std::to_string(member_.account.id) + "&plan_id=" + plan_id)
                ->status,
            200);
  ASSERT_EQ(offers().size(), 1u);
  EXPECT_EQ(offers()[0]["code"], "LOXODON20");
  EXPECT_EQ(offers()[0]["sponsor"], "Fjord Hosting");
  // The disclosure names the offer, never its code.
  std::string html = page("/about/sponsors");
  EXPECT_NE(html.find("20% off hosting"), std::string::npos);
  EXPECT_EQ(html.find("LOXODON20"), std::string::npos);
  auto disclosed = h_.request("GET", "/api/v1/instance/sponsors");
  EXPECT_EQ(disclosed->body.find("LOXODON20"), std::string::npos);
  EXPECT_EQ(json::parse(disclosed->body)["offers"].size(), 1u);
}

TEST_F(SponsorshipTest, AdFreeMembersSeeNoPlacements) {
  auto sponsor_id = sponsor();
  ASSERT_EQ(place(sponsor_id, {{"surface", "about"},
                               {"headline", "Wind hosting"},
                               {"link_url", "https://fjord.example/"}})
                ->status,
            200);
  auto plan = h_.request("POST", "/api/v1/admin/plans", admin_token_,
                         "name=Supporter&price=3&currency=EUR&ad_free=true");
  ASSERT_EQ(plan->status, 200) << plan->body;
  EXPECT_EQ(json::parse(plan->body)["entitlements"]["ad_free"], true);
  std::string plan_id = json::parse(plan->body)["id"];

  auto session =
      testing::run_awaitable(h_.services.auth.create_session(member_.user.id, "127.0.0.1", "test"));
  // https: the session cookie carries the __Host- prefix.
  std::string cookie = "__Host-loxodon_session=" + session;
  EXPECT_NE(page("/about", cookie).find("Wind hosting"), std::string::npos);

  auto comp =
      h_.request("POST", "/api/v1/admin/memberships", admin_token_,
                 "account_id=" + std::to_string(member_.account.id) + "&plan_id=" + plan_id);
  ASSERT_EQ(comp->status, 200) << comp->body;
  EXPECT_EQ(json::parse(comp->body)["status"], "comped");
  EXPECT_EQ(page("/about", cookie).find("Wind hosting"), std::string::npos);
  EXPECT_EQ(page("/about", cookie).find("Sponsored"), std::string::npos);
  // Everyone else still sees it.
  EXPECT_NE(page("/about").find("Wind hosting"), std::string::npos);

  std::string comp_id = json::parse(comp->body)["id"];
  ASSERT_EQ(
      h_.request("POST", "/api/v1/admin/memberships/" + comp_id + "/end", admin_token_)->status,
      200);
  EXPECT_NE(page("/about", cookie).find("Wind hosting"), std::string::npos);
}

TEST_F(SponsorshipTest, BadPlacementsAreRefusedAndStoreNothing) {
  auto sponsor_id = sponsor();
  for (const auto& fields : std::vector<std::vector<std::pair<std::string, std::string>>>{
           {{"surface", "home_timeline"}, {"headline", "X"}, {"link_url", "https://a.example/"}},
           {{"surface", "profile"}, {"headline", "X"}, {"link_url", "https://a.example/"}},
           {{"surface", "notifications"}, {"headline", "X"}, {"link_url", "https://a.example/"}},
           {{"surface", "funding"}, {"headline", "X"}, {"link_url", "javascript:alert(1)"}},
           {{"surface", "funding"}, {"headline", "X"}, {"link_url", "https://a.example/\"x"}},
           {{"surface", "funding"}, {"headline", ""}, {"link_url", "https://a.example/"}},
           {{"surface", "funding"},
            {"headline", "X"},
            {"link_url", "https://a.example/"},
            {"weight", "0"}},
           {{"surface", "community"}, {"headline", "X"}, {"link_url", "https://a.example/"}},
           {{"surface", "funding"},
            {"headline", "X"},
            {"link_url", "https://a.example/"},
            {"starts_at", "2026-05-01T00:00:00Z"},
            {"ends_at", "2026-04-01T00:00:00Z"}},
       }) {
    auto res = place(sponsor_id, fields);
    EXPECT_EQ(res->status, 422) << fields[0].second << " " << res->body;
  }
  auto not_image = post_multipart("/api/v1/admin/sponsors", admin_token_, {{"name", "X"}});
  EXPECT_EQ(not_image->status, 200);  // no logo is fine
  // A community that is no hashtag is refused, not replaced by the sponsor's.
  EXPECT_EQ(place(sponsor_id, {{"surface", "community"},
                               {"community", "foo bar"},
                               {"headline", "X"},
                               {"link_url", "https://a.example/"}})
                ->status,
            422);
  auto bad_sponsor = h_.request("POST", "/api/v1/admin/sponsors", admin_token_,
                                "name=X&url=ftp://x.example/&starts_on=2026-01-01");
  EXPECT_EQ(bad_sponsor->status, 422);
  EXPECT_EQ(
      h_.request("POST", "/api/v1/admin/sponsors", admin_token_, "name=X&starts_on=2026-02-30")
          ->status,
      422);
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/sponsors", admin_token_,
                       "name=X&starts_on=2026-02-01&ends_on=2026-01-01")
                ->status,
            422);
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/sponsors/999/placements", admin_token_,
                       "surface=funding&headline=X&link_url=https://a.example/")
                ->status,
            404);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM sponsored_placements"), 0);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM sponsors"), 2);
}

TEST_F(SponsorshipTest, CuratorsManageOnlyTheirOwnCommunity) {
  // Not a curator yet: nothing.
  EXPECT_EQ(h_.request("GET", "/api/v1/admin/sponsors", curator_token_)->status, 403);
  EXPECT_EQ(
      h_.request("POST", "/api/v1/admin/sponsors", curator_token_, "name=X&community=photography")
          ->status,
      403);
  auto grant =
      h_.request("POST", "/api/v1/admin/curators", admin_token_,
                 "account_id=" + std::to_string(curator_.account.id) + "&community=%23Photography");
  ASSERT_EQ(grant->status, 200) << grant->body;
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/curators", curator_token_,
                       "account_id=" + std::to_string(curator_.account.id) + "&community=cats")
                ->status,
            403);

  auto own = sponsor(curator_token_, "photography");
  // Instance-wide sponsors and other communities stay with administrators.
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/sponsors", curator_token_, "name=X")->status, 403);
  EXPECT_EQ(
      h_.request("POST", "/api/v1/admin/sponsors", curator_token_, "name=X&community=cats")->status,
      403);
  EXPECT_EQ(
      place(own, {{"surface", "funding"}, {"headline", "X"}, {"link_url", "https://a.example/"}},
            curator_token_)
          ->status,
      403);
  auto placed = place(own,
                      {{"surface", "community"},
                       {"community", "photography"},
                       {"headline", "Lens rental"},
                       {"link_url", "https://lens.example/"}},
                      curator_token_);
  ASSERT_EQ(placed->status, 200) << placed->body;
  EXPECT_EQ(json::parse(placed->body)["community"], "photography");
  auto instance_sponsor = sponsor();
  // Offers: a curator sees their community's, not the instance's.
  ASSERT_EQ(h_.request("POST", "/api/v1/admin/sponsors/" + own + "/offers", curator_token_,
                       "title=Lens+club&code=LENS10")
                ->status,
            200);
  ASSERT_EQ(h_.request("POST", "/api/v1/admin/sponsors/" + instance_sponsor + "/offers",
                       admin_token_, "title=Hosting&code=HOST20")
                ->status,
            200);
  auto curated = json::parse(h_.request("GET", "/api/v1/admin/offers", curator_token_)->body);
  ASSERT_EQ(curated.size(), 1u) << curated;
  EXPECT_EQ(curated[0]["title"], "Lens club");
  EXPECT_EQ(json::parse(h_.request("GET", "/api/v1/admin/offers", admin_token_)->body).size(), 2u);
  EXPECT_EQ(place(instance_sponsor,
                  {{"surface", "community"},
                   {"community", "photography"},
                   {"headline", "X"},
                   {"link_url", "https://a.example/"}},
                  curator_token_)
                ->status,
            403);
  // The community's page shows it beside the community's public posts; other pages do not.
  auto writer = h_.token_for(curator_, "read write");
  ASSERT_EQ(h_.request("POST", "/api/v1/statuses", writer,
                       "status=Morning+light+%23Photography&visibility=public")
                ->status,
            200);
  std::string community = page("/tags/photography");
  EXPECT_NE(community.find("Lens rental"), std::string::npos);
  EXPECT_NE(community.find("Morning light"), std::string::npos);
  EXPECT_NE(community.find("Sponsored"), std::string::npos);
  EXPECT_EQ(page("/tags/cats").find("Sponsored"), std::string::npos);
  EXPECT_EQ(page("/about/funding").find("Lens rental"), std::string::npos);

  auto listed = h_.request("GET", "/api/v1/admin/sponsors", curator_token_);
  ASSERT_EQ(listed->status, 200);
  EXPECT_EQ(json::parse(listed->body).size(), 1u);
  EXPECT_EQ(json::parse(h_.request("GET", "/api/v1/admin/sponsors", admin_token_)->body).size(),
            2u);
}

TEST_F(SponsorshipTest, TheDisclosureListsEverySponsorPlacementPeriodAndPriceBand) {
  auto current = sponsor();
  ASSERT_EQ(h_.request("POST", "/api/v1/admin/sponsors", admin_token_,
                       "name=Old+Bakery&kind=event&starts_on=2025-03-01&ends_on=2025-03-31"
                       "&price_band=Under+50+EUR")
                ->status,
            200);
  ASSERT_EQ(place(current, {{"surface", "sponsors"},
                            {"headline", "Wind hosting"},
                            {"link_url", "https://fjord.example/"},
                            {"starts_at", "2026-02-01T00:00:00Z"}})
                ->status,
            200);
  std::string html = page("/about/sponsors");
  auto current_at = html.find("id=\"current-sponsors\"");
  auto past_at = html.find("id=\"past-sponsors\"");
  ASSERT_NE(current_at, std::string::npos);
  ASSERT_NE(past_at, std::string::npos);
  auto fjord = html.find("Fjord Hosting", current_at);
  EXPECT_LT(fjord, past_at);
  EXPECT_GT(html.find("Old Bakery"), past_at);
  for (const char* expected : {"100-250 EUR a month", "Under 50 EUR", "2026-01-01 &ndash; ongoing",
                               "2025-03-01 &ndash; 2025-03-31", "Sponsored event", "Sponsors page",
                               "2026-02-01", "(renews monthly)", "Logo on our pages"}) {
    EXPECT_NE(html.find(expected), std::string::npos) << expected;
  }
  auto disclosed = h_.request("GET", "/api/v1/instance/sponsors");
  ASSERT_EQ(disclosed->status, 200);
  auto d = json::parse(disclosed->body);
  EXPECT_EQ(d["sponsors"].size(), 2u);
  EXPECT_EQ(d["placements"].size(), 1u);
  EXPECT_FALSE(d["placements"][0].contains("created_by"));
}

}  // namespace
}  // namespace lox
