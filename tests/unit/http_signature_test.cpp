// HTTP signatures against published vectors (tests/fixtures/httpsig, see PROVENANCE.md):
// draft-cavage Appendix C, Mastodon's own verifier spec (valid and rejected requests with its
// error texts), RFC 9421 Appendix B (every algorithm), RFC 9530 digests, and Mastodon-shaped
// derived cases. Each vector's published outcome is asserted.
#include "fixture_file.hpp"

#include <loxodon/activitypub/http_signature.hpp>
#include <loxodon/util/base64.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace lox::activitypub {
namespace {

using nlohmann::json;

std::string read(const std::string& name) { return testing::fixture_file("httpsig/" + name); }

json vectors(const std::string& name) { return json::parse(read(name)); }

// "keys/x.*" → the public or private file of that set.
std::string key_file(const std::string& pattern, bool want_private) {
  std::string base = pattern.substr(0, pattern.find(".*"));
  for (const char* suffix :
       want_private ? std::vector<const char*>{".private.pkcs1.pem", ".private.pkcs8.pem",
                                               ".private.sec1.pem"}
                    : std::vector<const char*>{".public.spki.pem"}) {
    std::string text = read(base + suffix);
    if (!text.empty()) return text;
  }
  return "";
}

SignedRequest request_of(const json& c) {
  SignedRequest r;
  r.method = c.value("method", "GET");
  if (c.contains("target")) r.target = c["target"];
  std::string url = c.contains("url") ? c["url"].get<std::string>() : c.value("target_uri", "");
  if (!url.empty()) {
    auto path = url.find('/', url.find("//") + 2);
    r.target = url.substr(path);
    r.scheme = url.substr(0, url.find(':'));
  }
  if (c.contains("headers")) {
    // An object of headers, or (draft-cavage's example) a list of [name, value] pairs.
    if (c["headers"].is_array()) {
      for (const auto& pair : c["headers"]) r.headers.emplace_back(pair[0], pair[1]);
    } else {
      for (const auto& [k, v] : c["headers"].items()) {
        r.headers.emplace_back(k, v.get<std::string>());
      }
    }
  }
  if (c.contains("body")) r.body = c["body"];
  return r;
}

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream s(list);
  for (std::string item; s >> item;) out.push_back(item);
  return out;
}

// The quoted error text of an expectation such as "reject: 'Invalid Digest value. …' (…)".
std::string quoted_error(const std::string& expect) {
  auto open = expect.find('\'');
  if (open == std::string::npos) return "";
  auto close = expect.find("' (", open + 1);
  if (close == std::string::npos) close = expect.rfind('\'');
  return expect.substr(open + 1, close - open - 1);
}

TimePoint at_iso(const std::string& iso) {
  std::tm tm{};
  std::istringstream in(iso);
  in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%SZ");
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

TEST(HttpSignatureVectors, Digests) {
  auto v = vectors("digests.json");
  ASSERT_FALSE(v["cases"].empty());
  for (const auto& c : v["cases"]) {
    std::string body = c["body"];
    EXPECT_EQ(digest_header(body), c["digest_header_cavage"]) << c["name"];
    EXPECT_EQ(content_digest_header(body), c["content_digest_sha256"]) << c["name"];
  }
}

TEST(HttpSignatureVectors, CavageAppendixC) {
  auto v = vectors("cavage-appendix-c.json");
  auto priv = SigningKey::from_pem(read(v["key_private"]));
  auto pub = VerificationKey::from_pem(read(v["key_public"]));
  SignedRequest r = request_of(v["request"]);
  for (const auto& c : v["cases"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    // Parsing the published header recovers the covered headers (default: date).
    SignedRequest signed_request = r;
    signed_request.headers.emplace_back("Signature", c["signature_header"].get<std::string>());
    auto found = find_signature(signed_request);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->key_id, "Test");
    EXPECT_EQ(cavage_signing_string(r, found->headers), c["signing_string"]);
    // PKCS#1 v1.5 is deterministic: our signer reproduces the published bytes.
    EXPECT_EQ(base64_encode(priv.sign(SignatureAlgorithm::kRsaV15Sha256,
                                      c["signing_string"].get<std::string>())),
              c["signature"]);
    if (!c["headers_param"].is_null()) {
      EXPECT_EQ(sign_cavage(r, found->headers, priv, "Test"), c["signature_header"]);
    }
    EXPECT_TRUE(pub.verify(SignatureAlgorithm::kRsaV15Sha256,
                           c["signing_string"].get<std::string>(), found->signature));
  }
}

TEST(HttpSignatureVectors, MastodonVerifierSpec) {
  auto v = vectors("mastodon-spec-vectors.json");
  auto pub = VerificationKey::from_pem(read(v["key_public"]));
  auto priv = SigningKey::from_pem(read(v["key_private"]));
  TimePoint now = at_iso(v["now"]);
  int checked = 0;
  for (const auto& c : v["cavage_cases"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    SignedRequest r = request_of(c);
    r.headers.emplace_back("Signature", c["signature_header"].get<std::string>());
    std::string expect = c["expect"];
    auto found = find_signature(r);
    ASSERT_TRUE(found);
    if (c.contains("signing_string")) {
      auto headers = split(c["headers_param"]);
      bool with_query = c["signing_string"].get<std::string>().find('?') != std::string::npos ||
                        r.target.find('?') == std::string::npos;
      EXPECT_EQ(cavage_signing_string(r, headers, with_query), c["signing_string"]);
      EXPECT_EQ(base64_encode(priv.sign(SignatureAlgorithm::kRsaV15Sha256,
                                        c["signing_string"].get<std::string>())),
                c["signature"]);
    }
    if (expect.starts_with("valid")) {
      EXPECT_NO_THROW(verify_request(*found, r, pub, now));
    } else {
      try {
        verify_request(*found, r, pub, now);
        ADD_FAILURE() << "accepted: " << expect;
      } catch (const SignatureError& e) {
        if (auto message = quoted_error(expect); !message.empty()) {
          EXPECT_EQ(e.what(), message);
        }
      }
    }
    ++checked;
  }
  for (const auto& c : v["rfc9421_cases"]) {
    if (!c.contains("signature_input")) continue;  // described replays: run below
    SCOPED_TRACE(c["name"].get<std::string>());
    SignedRequest r = request_of(c);
    r.headers.emplace_back("Signature-Input", c["signature_input"].get<std::string>());
    // The spec omits the (invalid) signature of its policy case; any bytes do for a policy.
    r.headers.emplace_back("Signature", c.value("signature", "sig1=:AAAA:"));
    auto found = find_signature(r);
    ASSERT_TRUE(found);
    if (c.contains("signature_base")) {
      EXPECT_EQ(rfc9421_signature_base(r, found->input), c["signature_base"]);
    }
    std::string expect = c["expect"];
    if (expect.starts_with("valid")) {
      EXPECT_NO_THROW(verify_request(*found, r, pub, now));
      // The same signature replayed on another path, query or method fails.
      for (auto [method, target] : {std::pair{"GET", "/activitypub/alternative-path"},
                                    std::pair{"GET", "/activitypub/success?foo=43"},
                                    std::pair{"POST", "/activitypub/success"}}) {
        SignedRequest replay = r;
        replay.method = method;
        replay.target = target;
        if (replay.method == r.method && replay.target == r.target) continue;
        EXPECT_THROW(verify_request(*found, replay, pub, now), SignatureError) << target;
      }
    } else {
      try {
        verify_request(*found, r, pub, now);
        ADD_FAILURE() << "accepted: " << expect;
      } catch (const SignatureError& e) {
        if (auto message = quoted_error(expect); !message.empty()) {
          EXPECT_EQ(e.what(), message);
        }
      }
    }
    ++checked;
  }
  EXPECT_GE(checked, 18);
}

// RFC 9421's test request (Appendix B.1.2), from the vector file's raw text.
SignedRequest rfc_test_request(const std::string& text) {
  SignedRequest r;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  r.method = line.substr(0, line.find(' '));
  r.target = line.substr(line.find(' ') + 1, line.rfind(' ') - line.find(' ') - 1);
  while (std::getline(in, line) && !line.empty()) {
    auto colon = line.find(':');
    r.headers.emplace_back(line.substr(0, colon), line.substr(colon + 2));
  }
  std::getline(in, r.body, '\0');
  return r;
}

TEST(HttpSignatureVectors, Rfc9421AppendixB) {
  auto v = vectors("rfc9421-appendix-b.json");
  SignedRequest test_request = rfc_test_request(v["test_request"]);
  int verified = 0;
  for (const auto& c : v["cases"]) {
    SCOPED_TRACE(c["section"].get<std::string>());
    auto inputs = parse_sf_dictionary(c["signature_input"].get<std::string>());
    auto sigs = parse_sf_dictionary(c["signature"].get<std::string>());
    ASSERT_TRUE(inputs && sigs);
    const SfMember& input = inputs->front().second;
    std::string base = c["signature_base"];
    // The signature-params line is the Signature-Input member, byte for byte.
    EXPECT_EQ(base.substr(base.rfind('\n') + 1), "\"@signature-params\": " + input.raw);
    if (c["message"] == "test-request") {
      EXPECT_EQ(rfc9421_signature_base(test_request, input), base);
    }
    auto alg = parse_signature_algorithm(c["alg"].get<std::string>());
    ASSERT_TRUE(alg);
    std::string key_pattern = c["key"];
    bool hmac = *alg == SignatureAlgorithm::kHmacSha256;
    std::string secret;
    if (hmac) {
      auto decoded = base64_decode(split(read(key_pattern))[0]);
      ASSERT_TRUE(decoded);
      secret = *decoded;
    }
    auto pub = hmac ? VerificationKey::shared_secret(secret)
                    : VerificationKey::from_pem(key_file(key_pattern, false));
    const std::string& signature = sigs->front().second.items.at(0).value.text;
    EXPECT_TRUE(pub.verify(*alg, base, signature));
    std::string tampered = base;
    tampered[0] = tampered[0] == 'x' ? 'y' : 'x';
    EXPECT_FALSE(pub.verify(*alg, tampered, signature));
    // Our signer: deterministic algorithms give the published bytes; the others verify.
    auto priv = hmac ? SigningKey::shared_secret(secret)
                     : SigningKey::from_pem(key_file(key_pattern, true));
    std::string ours = priv.sign(*alg, base);
    if (c["deterministic"].get<bool>()) {
      EXPECT_EQ(ours, signature);
    }
    EXPECT_TRUE(pub.verify(*alg, base, ours));
    ++verified;
  }
  EXPECT_EQ(verified, static_cast<int>(v["cases"].size()));
  // PKCS#1 "RSA PUBLIC KEY" PEM reads as well as SPKI.
  auto pkcs1 = VerificationKey::from_pem(read("keys/rfc9421-test-key-rsa.public.pkcs1.pem"));
  EXPECT_EQ(pkcs1.default_algorithm(), SignatureAlgorithm::kRsaV15Sha256);
}

TEST(HttpSignatureVectors, MastodonShapedDerivedCases) {
  auto v = vectors("derived-mastodon-style.json");
  auto priv = SigningKey::from_pem(read(v["key_private"]));
  auto pub = VerificationKey::from_pem(read("keys/mastodon-spec-bob.public.spki.pem"));
  for (const auto& c : v["cases"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    SignedRequest r = request_of(c);
    if (c.contains("signature_header")) {
      EXPECT_EQ(sign_cavage(r, split(c["headers_param"]), priv, v["keyId"]), c["signature_header"]);
      EXPECT_EQ(cavage_signing_string(r, split(c["headers_param"])), c["signing_string"]);
    } else {
      r.headers.emplace_back("Signature-Input", c["signature_input"].get<std::string>());
      r.headers.emplace_back("Signature", c["signature"].get<std::string>());
      auto found = find_signature(r);
      ASSERT_TRUE(found);
      EXPECT_EQ(rfc9421_signature_base(r, found->input), c["signature_base"]);
      EXPECT_TRUE(pub.verify(SignatureAlgorithm::kRsaV15Sha256,
                             c["signature_base"].get<std::string>(), found->signature));
    }
  }
}

TEST(HttpSignature, OurOwnDeliveriesPassMastodonsChecks) {
  auto priv = SigningKey::from_pem(read("keys/mastodon-spec-bob.private.pkcs1.pem"));
  auto pub = VerificationKey::from_pem(read("keys/mastodon-spec-bob.public.spki.pem"));
  SignedRequest r;
  r.method = "POST";
  r.target = "/inbox";
  r.body = R"({"type":"Create"})";
  r.headers = {{"Host", "remote.example"},
               {"Date", "Wed, 20 Dec 2023 10:00:00 GMT"},
               {"Digest", digest_header(r.body)},
               {"Content-Type", "application/activity+json"}};
  std::vector<std::string> covered{"(request-target)", "host", "date", "digest", "content-type"};
  r.headers.emplace_back("Signature",
                         sign_cavage(r, covered, priv, "https://a.example/actor#main-key"));
  auto found = find_signature(r);
  ASSERT_TRUE(found);
  TimePoint now = at_iso("2023-12-20T10:02:00Z");
  EXPECT_NO_THROW(verify_request(*found, r, pub, now));
  // Replayed a day later, or from the future beyond the skew margin.
  EXPECT_THROW(verify_request(*found, r, pub, at_iso("2023-12-21T10:02:00Z")), SignatureError);
  EXPECT_THROW(verify_request(*found, r, pub, at_iso("2023-12-20T08:00:00Z")), SignatureError);
  // Another key (a different actor) does not verify it.
  auto other = VerificationKey::from_pem(read("keys/cavage-test.public.spki.pem"));
  EXPECT_THROW(verify_request(*found, r, other, now), SignatureError);
}

TEST(HttpSignature, MalformedSignaturesAreRefusedWithAReason) {
  SignedRequest r;
  r.method = "GET";
  r.target = "/";
  EXPECT_FALSE(find_signature(r));
  r.headers = {{"Signature", "algorithm=\"rsa-sha256\",signature=\"AAAA\""}};
  EXPECT_THROW(find_signature(r), SignatureError);  // no keyId
  r.headers = {{"Signature", "keyId=\"k\",algorithm=\"dsa-sha1\",signature=\"AAAA\""}};
  EXPECT_THROW(find_signature(r), SignatureError);
  r.headers = {{"Signature", "keyId=\"k\",algorithm=\"rsa-sha256\",signature=\"not base64!\""}};
  EXPECT_THROW(find_signature(r), SignatureError);
  r.headers = {{"Signature-Input", "sig1=(\"@method\""}, {"Signature", "sig1=:AAAA:"}};
  EXPECT_THROW(find_signature(r), SignatureError);
  r.headers = {{"Signature-Input", "sig1=(\"@method\");created=1"}, {"Signature", "sig1=:AAAA:"}};
  EXPECT_THROW(find_signature(r), SignatureError);  // no keyid
  EXPECT_THROW(
      VerificationKey::from_pem("-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----\n"),
      SignatureError);
}

TEST(StructuredField, DictionariesAsSignaturesUseThem) {
  auto d = parse_sf_dictionary(
      R"(sig1=("@method" "@query-param";name="Pet");created=1618884473;keyid="k", sig2=:AAEC:)");
  ASSERT_TRUE(d);
  ASSERT_EQ(d->size(), 2u);
  const auto& m = (*d)[0].second;
  EXPECT_TRUE(m.inner_list);
  EXPECT_EQ(m.items[1].serialize(), R"("@query-param";name="Pet")");
  EXPECT_EQ(m.param("created")->integer, 1618884473);
  EXPECT_EQ(m.raw, R"(("@method" "@query-param";name="Pet");created=1618884473;keyid="k")");
  EXPECT_EQ((*d)[1].second.items[0].value.text, std::string("\x00\x01\x02", 3));
  EXPECT_FALSE(parse_sf_dictionary("sig1=(\"a\""));
  EXPECT_FALSE(parse_sf_dictionary("Sig=1"));
  EXPECT_FALSE(parse_sf_dictionary("a=1,"));
  EXPECT_FALSE(parse_sf_dictionary("a=:!!:"));
}

TEST(Base64, StandardAlphabetStrictly) {
  EXPECT_EQ(base64_encode("Hello world"), "SGVsbG8gd29ybGQ=");
  EXPECT_EQ(base64_decode("SGVsbG8gd29ybGQ="), "Hello world");
  EXPECT_EQ(base64_decode(""), "");
  EXPECT_FALSE(base64_decode("SGVsbG8gd29ybGQ"));
  EXPECT_FALSE(base64_decode("SGVs=G8g"));
  EXPECT_FALSE(base64_decode("SGVs bG8="));
  EXPECT_FALSE(base64_decode("SGVs-_8="));
}

}  // namespace
}  // namespace lox::activitypub
