#include <loxodon/http/response_cache.hpp>

#include <gtest/gtest.h>

#include <thread>

namespace lox::http {
namespace {

Response page(std::string body, unsigned status = 200) {
  Response r = Response::json_text(status, std::move(body));
  r.set_header("Link", "<x>; rel=\"next\"");
  return r;
}

TEST(ResponseCache, ServesTheSameRequestUntilItExpires) {
  ResponseCache cache(std::chrono::milliseconds(80));
  EXPECT_FALSE(cache.get("/api/v1/timelines/public?local=true").has_value());
  cache.put("/api/v1/timelines/public?local=true", page("[1]"));
  auto hit = cache.get("/api/v1/timelines/public?local=true");
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->body, "[1]");
  EXPECT_TRUE(hit->has_header("Link"));
  EXPECT_FALSE(cache.get("/api/v1/timelines/public").has_value());  // another query, another page
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  EXPECT_FALSE(cache.get("/api/v1/timelines/public?local=true").has_value());
}

TEST(ResponseCache, KeepsOnlySuccessesAndStaysBounded) {
  ResponseCache cache(std::chrono::seconds(10), 3);
  cache.put("/error", page("{\"error\":\"x\"}", 503));
  EXPECT_FALSE(cache.get("/error").has_value());
  for (int i = 0; i < 10; ++i) cache.put("/p" + std::to_string(i), page("[]"));
  int held = 0;
  for (int i = 0; i < 10; ++i) held += cache.get("/p" + std::to_string(i)).has_value() ? 1 : 0;
  EXPECT_LE(held, 3);
  EXPECT_TRUE(cache.get("/p9").has_value());  // the newest is always kept
}

}  // namespace
}  // namespace lox::http
