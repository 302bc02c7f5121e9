#include <loxodon/http/request.hpp>
#include <loxodon/http/response.hpp>

#include <gtest/gtest.h>

namespace lox::http {
namespace {

TEST(QueryString, DecodesPercentPlusAndBracketKeys) {
  auto q = parse_query_string("types%5B%5D=mention&types[]=follow&q=a+b%21&flag&empty=");
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(q[0], (std::pair<std::string, std::string>{"types[]", "mention"}));
  EXPECT_EQ(q[1], (std::pair<std::string, std::string>{"types[]", "follow"}));
  EXPECT_EQ(q[2], (std::pair<std::string, std::string>{"q", "a b!"}));
  EXPECT_EQ(q[3], (std::pair<std::string, std::string>{"flag", ""}));
  EXPECT_EQ(q[4], (std::pair<std::string, std::string>{"empty", ""}));
}

TEST(QueryString, LeavesBrokenEscapesAlone) {
  EXPECT_EQ(percent_decode("100%", false), "100%");
  EXPECT_EQ(percent_decode("%zz%4", false), "%zz%4");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
}

TEST(Request, HeadersAreCaseInsensitive) {
  Request r;
  r.headers = {{"Content-Type", "application/json"}};
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_FALSE(r.header("Authorization").has_value());
}

TEST(Response, ErrorHasMastodonShape) {
  auto r = Response::error(422, "Validation failed");
  EXPECT_EQ(r.status, 422u);
  EXPECT_EQ(nlohmann::json::parse(r.body), (nlohmann::json{{"error", "Validation failed"}}));
  EXPECT_TRUE(r.has_header("content-type"));
}

TEST(Response, InvalidUtf8IsReplacedNotThrown) {
  auto r = Response::json(200, nlohmann::json{{"note", std::string("bad \xff byte")}});
  EXPECT_NE(r.body.find("bad"), std::string::npos);
}

}  // namespace
}  // namespace lox::http
