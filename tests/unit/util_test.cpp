#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/ip_network.hpp>
#include <loxodon/util/json_limits.hpp>
#include <loxodon/util/snowflake.hpp>
#include <loxodon/util/time_format.hpp>

#include <gtest/gtest.h>

#include <set>

namespace lox {
namespace {

using std::chrono::system_clock;

TEST(IpNetwork, MatchesIpv4Ipv6AndMappedAddresses) {
  auto v4 = IpNetwork::parse("10.0.0.0/8");
  ASSERT_TRUE(v4);
  EXPECT_TRUE(v4->contains("10.1.2.3"));
  EXPECT_TRUE(v4->contains("::ffff:10.9.9.9"));
  EXPECT_FALSE(v4->contains("11.0.0.1"));
  auto single = IpNetwork::parse("127.0.0.1");
  ASSERT_TRUE(single);
  EXPECT_TRUE(single->contains("127.0.0.1"));
  EXPECT_FALSE(single->contains("127.0.0.2"));
  auto v6 = IpNetwork::parse("fd00::/8");
  ASSERT_TRUE(v6);
  EXPECT_TRUE(v6->contains("fd12:3456::1"));
  EXPECT_FALSE(v6->contains("fe80::1"));
  EXPECT_FALSE(v6->contains("not an address"));
}

TEST(IpNetwork, RejectsInvalidNetworks) {
  EXPECT_FALSE(IpNetwork::parse("10.0.0.0/33"));
  EXPECT_FALSE(IpNetwork::parse("::1/129"));
  EXPECT_FALSE(IpNetwork::parse("example.com"));
  EXPECT_FALSE(IpNetwork::parse("10.0.0.0/x"));
}

TEST(JsonLimits, AcceptsOrdinaryDocuments) {
  auto doc = parse_json_limited(R"({"status":"hi","poll":{"options":["a","b"]}})");
  EXPECT_EQ(doc["poll"]["options"][1], "b");
}

TEST(JsonLimits, RejectsDeepNestingBeforeBuildingIt) {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  try {
    parse_json_limited(deep);
    FAIL() << "deep document accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadRequest);
    EXPECT_STREQ(e.what(), "JSON document is nested too deeply");
  }
  std::string ok = std::string(64, '[') + std::string(64, ']');
  EXPECT_NO_THROW(parse_json_limited(ok));
}

TEST(JsonLimits, RejectsInvalidAndOversizedInput) {
  try {
    parse_json_limited("{\"a\":");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadRequest);
  }
  try {
    parse_json_limited(std::string(100, ' '), 64, 10);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kPayloadTooLarge);
  }
}

TEST(ErrorCodes, MapToHttpStatuses) {
  EXPECT_EQ(http_status(ErrorCode::kBadRequest), 400u);
  EXPECT_EQ(http_status(ErrorCode::kNotFound), 404u);
  EXPECT_EQ(http_status(ErrorCode::kPayloadTooLarge), 413u);
  EXPECT_EQ(http_status(ErrorCode::kUnprocessable), 422u);
  EXPECT_EQ(http_status(ErrorCode::kServiceUnavailable), 503u);
}

TEST(Snowflake, IdsAreUniqueAndOrderedByTime) {
  SnowflakeGenerator gen;
  auto t = system_clock::time_point(std::chrono::milliseconds(1700000000000));
  std::set<std::int64_t> seen;
  std::int64_t last = 0;
  for (int i = 0; i < 70000; ++i) {  // more than one millisecond's sequence space
    auto id = gen.next_at(t);
    EXPECT_GT(id, last);
    last = id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 70000u);
  EXPECT_EQ(SnowflakeGenerator::time_of(SnowflakeGenerator::min_for(t)), t);
  // A clock stepping backwards never yields a smaller id.
  EXPECT_GT(gen.next_at(t - std::chrono::seconds(5)), last);
}

TEST(TimeFormat, MastodonTimestampsAndHttpDates) {
  auto t = system_clock::time_point(std::chrono::milliseconds(1704110400123));
  EXPECT_EQ(format_iso8601_ms(t), "2024-01-01T12:00:00.123Z");
  EXPECT_EQ(format_http_date(system_clock::time_point(std::chrono::seconds(784111777))),
            "Sun, 06 Nov 1994 08:49:37 GMT");
}

TEST(TimeFormat, ParsesTheTimestampsClientsSend) {
  auto expect = [](const char* text, const char* formatted) {
    auto t = parse_iso8601(text);
    ASSERT_TRUE(t.has_value()) << text;
    EXPECT_EQ(format_iso8601_ms(*t), formatted) << text;
  };
  expect("2026-11-26T12:00:00Z", "2026-11-26T12:00:00.000Z");
  expect("2026-11-26T12:00:00.5Z", "2026-11-26T12:00:00.500Z");
  expect("2026-11-26T12:00:00.123456+00:00", "2026-11-26T12:00:00.123Z");
  expect("2026-11-26T13:30:00+01:30", "2026-11-26T12:00:00.000Z");
  expect("2026-11-26T07:00:00-0500", "2026-11-26T12:00:00.000Z");
  expect("2026-11-26 12:00:00", "2026-11-26T12:00:00.000Z");  // no zone: UTC
  for (const char* bad : {"", "tomorrow", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
                          "2026-11-26T24:00:00Z", "2026-11-26T12:00:00Zjunk", "2026-11-26",
                          "2026-11-26T12:00:00.Z", "2026-11-26T12:00:00+5"}) {
    EXPECT_FALSE(parse_iso8601(bad).has_value()) << bad;
  }
}

TEST(Crypto, RandomHexAndBase64Url) {
  auto a = random_hex(16);
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, random_hex(16));
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_EQ(base64url_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
}

TEST(Crypto, GeneratesUsableKeys) {
  auto rsa = generate_rsa_key_pair(2048);
  EXPECT_NE(rsa.private_pem.find("BEGIN PRIVATE KEY"), std::string::npos);
  EXPECT_NE(rsa.public_pem.find("BEGIN PUBLIC KEY"), std::string::npos);
  auto vapid = generate_vapid_keys();
  // 65-byte uncompressed P-256 point -> 87 base64url characters, starting with 0x04 ('B').
  EXPECT_EQ(vapid.public_key.size(), 87u);
  EXPECT_EQ(vapid.public_key[0], 'B');
}

}  // namespace
}  // namespace lox
