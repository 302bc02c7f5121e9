// Signatures bind to this server and to time: the signed host (or @authority) must be ours
// whatever Host the request carries, and the freshness window comes only from signed values.
// Each case was accepted before these rules.
#include "fixture_file.hpp"

#include <loxodon/activitypub/http_signature.hpp>
#include <loxodon/util/base64.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace lox::activitypub {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

std::string read(const std::string& name) { return testing::fixture_file("httpsig/" + name); }

const TimePoint kNow = std::chrono::sys_days(std::chrono::year(2026) / 12 / 7) + hours(10);

std::int64_t epoch(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string http_date(TimePoint t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", std::gmtime(&tt));
  return buf;
}

class HostileSignature : public ::testing::Test {
 protected:
  SigningKey priv = SigningKey::from_pem(read("keys/mastodon-spec-bob.private.pkcs1.pem"));
  VerificationKey pub = VerificationKey::from_pem(read("keys/mastodon-spec-bob.public.spki.pem"));

  // A delivery to https://`signed_host`/inbox, signed over `covered` with the given algorithm
  // and created/expires parameters (signed or not, as `covered` says).
  SignedRequest delivery(const std::string& signed_host, std::vector<std::string> covered,
                         TimePoint date, const std::string& algorithm = "rsa-sha256",
                         std::optional<std::int64_t> created = std::nullopt,
                         std::optional<std::int64_t> expires = std::nullopt) {
    SignedRequest r;
    r.method = "POST";
    r.target = "/inbox";
    r.body = R"({"type":"Follow"})";
    r.headers = {{"Host", signed_host},
                 {"Date", http_date(date)},
                 {"Digest", digest_header(r.body)},
                 {"Content-Type", "application/activity+json"}};
    std::string signature =
        base64_encode(priv.sign(SignatureAlgorithm::kRsaV15Sha256,
                                cavage_signing_string(r, covered, true, created, expires)));
    std::string list;
    for (const auto& h : covered) list += (list.empty() ? "" : " ") + h;
    std::string header = "keyId=\"https://a.example/users/bob#main-key\",algorithm=\"" + algorithm +
                         "\",headers=\"" + list + "\",signature=\"" + signature + "\"";
    if (created) header += ",created=" + std::to_string(*created);
    if (expires) header += ",expires=" + std::to_string(*expires);
    r.headers.emplace_back("Signature", header);
    r.our_authority = "us.example";
    return r;
  }

  std::string refusal(const SignedRequest& r, TimePoint now = kNow) {
    try {
      verify_request(*find_signature(r), r, pub, now);
      return "";
    } catch (const SignatureError& e) {
      return e.what();
    }
  }

  const std::vector<std::string> kMastodonCovered{"(request-target)", "host", "date", "digest",
                                                  "content-type"};
};

TEST_F(HostileSignature, ASignatureForOurHostVerifiesWhateverHostTheRequestCarries) {
  EXPECT_EQ(refusal(delivery("us.example", kMastodonCovered, kNow)), "");
  // Behind a proxy that rewrote Host: still bound to us.
  SignedRequest proxied = delivery("us.example", kMastodonCovered, kNow);
  proxied.headers[0].second = "127.0.0.1:8080";
  EXPECT_EQ(refusal(proxied), "");
}

TEST_F(HostileSignature, ASignatureMadeForAnotherServersInboxIsRefusedEvenWithItsHost) {
  // Captured from a delivery to other.example and replayed here with that Host.
  EXPECT_EQ(refusal(delivery("other.example", kMastodonCovered, kNow)), "Verification failed");
  // A signature that leaves the host out cannot say which server it was for.
  EXPECT_EQ(refusal(delivery("us.example", {"(request-target)", "date", "digest"}, kNow)),
            "The Host header must be signed");
}

TEST_F(HostileSignature, AnUnsignedCreatedCannotReopenAnExpiredDate) {
  // Signed two days ago; hs2019 and a fresh created added afterwards, outside the signature.
  SignedRequest replay =
      delivery("us.example", kMastodonCovered, kNow - hours(48), "hs2019", epoch(kNow));
  EXPECT_EQ(refusal(replay), "Signed request date outside acceptable time window");
  // Nor can an unsigned expires stretch a signed Date's five minutes to twelve hours.
  SignedRequest stretched = delivery("us.example", kMastodonCovered, kNow - hours(2), "rsa-sha256",
                                     std::nullopt, epoch(kNow + hours(8)));
  EXPECT_EQ(refusal(stretched), "Signed request date outside acceptable time window");
}

TEST_F(HostileSignature, CreatedAndExpiresCountWhenSignedWithHs2019Only) {
  std::vector<std::string> covered{"(request-target)", "host", "(created)", "(expires)", "digest"};
  // The Date header is a day old but not signed: the signed created is what counts.
  EXPECT_EQ(refusal(delivery("us.example", covered, kNow - hours(24), "hs2019",
                             epoch(kNow - minutes(1)), epoch(kNow + minutes(4)))),
            "");
  EXPECT_EQ(refusal(delivery("us.example", covered, kNow, "hs2019", epoch(kNow - hours(3)),
                             epoch(kNow - hours(2)))),
            "Signed request date outside acceptable time window");
  // Mastodon's rule: (created) and (expires) belong to hs2019.
  EXPECT_EQ(refusal(delivery("us.example", covered, kNow, "rsa-sha256", epoch(kNow),
                             epoch(kNow + minutes(4)))),
            "Invalid pseudo-header (created) for rsa-sha256");
}

TEST_F(HostileSignature, Rfc9421TargetUriAndAuthorityAreOurs) {
  SignedRequest r;
  r.method = "POST";
  r.target = "/inbox";
  r.scheme = "https";
  r.body = R"({"type":"Follow"})";
  r.headers = {{"Host", "other.example"}, {"Content-Digest", content_digest_header(r.body)}};
  std::string params = "(\"@method\" \"@target-uri\" \"@authority\" \"content-digest\");created=" +
                       std::to_string(epoch(kNow)) +
                       ";keyid=\"https://a.example/users/bob#main-key\"";
  r.headers.emplace_back("Signature-Input", "sig1=" + params);
  // Signed for other.example (its Host), then sent to us.
  auto found = find_signature([&] {
    SignedRequest probe = r;
    probe.headers.emplace_back("Signature", "sig1=:AAAA:");
    return probe;
  }());
  ASSERT_TRUE(found);
  std::string base = rfc9421_signature_base(r, found->input);
  r.headers.emplace_back(
      "Signature",
      "sig1=:" + base64_encode(priv.sign(SignatureAlgorithm::kRsaV15Sha256, base)) + ":");
  EXPECT_EQ(refusal(SignedRequest(r)), "");  // without a binding, Host decides
  r.our_authority = "us.example";
  EXPECT_EQ(refusal(r), "Verification failed");
}

}  // namespace
}  // namespace lox::activitypub
