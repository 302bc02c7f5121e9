// Stripe webhook signatures against the published-style vector in the funding research
// (computed with `openssl dgst` and checked again with Python; tests/fixtures/funding/README.md)
// and every way a forged, stale or malformed delivery can come.
#include <loxodon/payments/stripe_signature.hpp>

#include <gtest/gtest.h>

namespace lox::payments {
namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

const std::string kBody = R"({"id":"evt_test_1","type":"invoice.paid"})";
const std::string kVector = "2117e503e00879f29706fae05f8b387ed0e5ac12f5e1cd602064bf183a1ca16b";
const system_clock::time_point kAt{seconds(1700000000)};

TEST(StripeSignature, MatchesTheResearchVector) {
  EXPECT_EQ(stripe_signature_header("whsec_test_secret", 1700000000, kBody),
            "t=1700000000,v1=" + kVector);
  EXPECT_EQ(verify_stripe_signature("t=1700000000,v1=" + kVector, kBody, {"whsec_test_secret"}, kAt,
                                    seconds(300)),
            SignatureVerdict::kValid);
}

TEST(StripeSignature, AnyV1UnderAnySecretDuringRotation) {
  const std::string header =
      "t=1700000000, v1=" + std::string(64, '0') + ", v1=" + kVector + ", v0=abc";
  EXPECT_EQ(
      verify_stripe_signature(header, kBody, {"whsec_new", "whsec_test_secret"}, kAt, seconds(300)),
      SignatureVerdict::kValid);
}

TEST(StripeSignature, RefusesForgedStaleAndMalformed) {
  const std::vector<std::string> secrets{"whsec_test_secret"};
  // A changed body, another secret, an only-v0 header.
  EXPECT_EQ(verify_stripe_signature("t=1700000000,v1=" + kVector, kBody + " ", secrets, kAt,
                                    seconds(300)),
            SignatureVerdict::kBadSignature);
  EXPECT_EQ(verify_stripe_signature("t=1700000000,v1=" + kVector, kBody, {"whsec_other"}, kAt,
                                    seconds(300)),
            SignatureVerdict::kBadSignature);
  EXPECT_EQ(
      verify_stripe_signature("t=1700000000,v0=" + kVector, kBody, secrets, kAt, seconds(300)),
      SignatureVerdict::kMalformed);
  // The signature holds, but it was made 301 s before (or after) now.
  EXPECT_EQ(verify_stripe_signature("t=1700000000,v1=" + kVector, kBody, secrets,
                                    kAt + seconds(301), seconds(300)),
            SignatureVerdict::kStale);
  EXPECT_EQ(verify_stripe_signature("t=1700000000,v1=" + kVector, kBody, secrets,
                                    kAt - seconds(301), seconds(300)),
            SignatureVerdict::kStale);
  EXPECT_EQ(verify_stripe_signature("t=1700000000,v1=" + kVector, kBody, secrets,
                                    kAt + seconds(300), seconds(300)),
            SignatureVerdict::kValid);
  // A timestamp changed after signing no longer matches.
  EXPECT_EQ(
      verify_stripe_signature("t=1700000001,v1=" + kVector, kBody, secrets, kAt, seconds(300)),
      SignatureVerdict::kBadSignature);
  for (const char* bad : {"", "v1=abc", "t=,v1=", "t=12x,v1=00", "garbage"}) {
    EXPECT_EQ(verify_stripe_signature(bad, kBody, secrets, kAt, seconds(300)),
              SignatureVerdict::kMalformed)
        << bad;
  }
  // No secret configured: nothing is valid.
  EXPECT_EQ(verify_stripe_signature("t=1700000000,v1=" + kVector, kBody, {}, kAt, seconds(300)),
            SignatureVerdict::kBadSignature);
}

}  // namespace
}  // namespace lox::payments
