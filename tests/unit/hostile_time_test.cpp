// Found by fuzzing (fuzz/regressions): times beyond what system_clock holds (1677 to 2262)
// overflowed when converted, from a signature's created or Date, a post's poll end, a link
// page's published time or a webhook; a subtraction overflowed in the Stripe signature check;
// and a nameless Page read past the end of a map. Each input is refused or read safely now.
#include "fixture_file.hpp"

#include <loxodon/activitypub/actor_reader.hpp>
#include <loxodon/activitypub/http_signature.hpp>
#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/payments/stripe_event.hpp>
#include <loxodon/payments/stripe_signature.hpp>
#include <loxodon/util/time_format.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <limits>
#include <sstream>

namespace lox {
namespace {

using nlohmann::json;

TEST(HostileTime, YearsTheClockCannotHoldAreNoTime) {
  EXPECT_FALSE(parse_iso8601("9999-01-01T00:00:00Z"));
  EXPECT_FALSE(parse_iso8601("3686-05-01T00:00:00Z"));
  EXPECT_FALSE(parse_iso8601("0001-01-01T00:00:00Z"));
  EXPECT_TRUE(parse_iso8601("2199-12-31T23:59:59Z"));
  EXPECT_FALSE(from_epoch_seconds(17037036670));
  EXPECT_FALSE(from_epoch_seconds(std::numeric_limits<std::int64_t>::min()));
  EXPECT_TRUE(from_epoch_seconds(1765000000));
}

TEST(HostileTime, SignatureTimesBeyondTheClockAreRefusedNotWrapped) {
  activitypub::SignedRequest r;
  r.method = "POST";
  r.target = "/inbox";
  r.body = "{}";
  r.headers = {{"Host", "us.example"},
               {"Date", "Fri, 31 Dec 9999 23:59:59 GMT"},
               {"Digest", activitypub::digest_header(r.body)},
               {"Signature",
                "keyId=\"k\",algorithm=\"hs2019\",headers=\"(request-target) host "
                "(created) digest\",signature=\"AAAA\",created=17037036670"}};
  auto found = activitypub::find_signature(r);
  ASSERT_TRUE(found);
  auto key = activitypub::VerificationKey::from_pem(
      testing::fixture_file("httpsig/keys/mastodon-spec-bob.public.spki.pem"));
  EXPECT_THROW(activitypub::verify_request(*found, r, key, std::chrono::system_clock::now()),
               activitypub::SignatureError);
  r.headers.back().second =
      "keyId=\"k\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date digest\","
      "signature=\"AAAA\"";
  found = activitypub::find_signature(r);
  EXPECT_THROW(activitypub::verify_request(*found, r, key, std::chrono::system_clock::now()),
               activitypub::SignatureError);
}

TEST(HostileTime, StripeTimesAndTimestampsAtTheEdgesOfInt64) {
  json event = {{"id", "evt_1"},
                {"type", "invoice.paid"},
                {"created", 17037036670},
                {"data", {{"object", {{"object", "invoice"}, {"period_end", INT64_MAX}}}}}};
  EXPECT_NO_FATAL_FAILURE(payments::read_stripe_event(event));
  const std::string body = "{}";
  for (std::int64_t t : {std::numeric_limits<std::int64_t>::min() + 1, std::int64_t{-1},
                         std::numeric_limits<std::int64_t>::max()}) {
    std::string header = payments::stripe_signature_header("whsec_x", t, body);
    EXPECT_EQ(
        payments::verify_stripe_signature(
            header, body, {"whsec_x"}, std::chrono::system_clock::now(), std::chrono::seconds(300)),
        payments::SignatureVerdict::kStale)
        << t;
  }
}

TEST(HostileTime, ANamelessPageIsReadWithoutReadingPastItsMembers) {
  for (const char* type : {"Page", "Article", "Event", "Video"}) {
    json page = {{"id", "https://a.example/p"},
                 {"type", type},
                 {"attributedTo", "https://a.example/u"},
                 {"content", "<p>x</p>"}};
    auto note = activitypub::read_note(page);
    ASSERT_TRUE(note) << type;
    EXPECT_EQ(note->content_html, "<p>x</p>");
  }
  json question = {{"id", "https://a.example/q"},
                   {"type", "Question"},
                   {"attributedTo", "https://a.example/u"},
                   {"endTime", "9999-12-31T00:00:00Z"},
                   {"oneOf", json::array({{{"name", "a"}}})}};
  auto poll = activitypub::read_note(question);
  ASSERT_TRUE(poll && poll->poll);
  EXPECT_FALSE(poll->poll->ends_at);
}

// Found by fuzzing: a WebFinger link whose rel or type is not a string threw type_error past
// every caller's FetchError handler; it is a link that names no actor.
TEST(HostileWebfinger, LinksWithOddlyTypedMembersNameNoActor) {
  for (const json& odd : {json(1), json::array({"self"}), json::object(), json(nullptr)}) {
    json rel_odd = {{"links", json::array({{{"rel", odd},
                                            {"type", "application/activity+json"},
                                            {"href", "https://a.example/users/b"}}})}};
    EXPECT_FALSE(activitypub::webfinger_actor_link(rel_odd));
    json type_odd = {
        {"links",
         json::array({{{"rel", "self"}, {"type", odd}, {"href", "https://a.example/users/b"}}})}};
    EXPECT_FALSE(activitypub::webfinger_actor_link(type_odd));
  }
  json fine = {{"links", json::array({{{"rel", "self"},
                                       {"type", "application/activity+json"},
                                       {"href", "https://a.example/users/b"}}})}};
  EXPECT_EQ(activitypub::webfinger_actor_link(fine), "https://a.example/users/b");
}

}  // namespace
}  // namespace lox
