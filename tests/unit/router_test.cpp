#include <loxodon/http/router.hpp>

#include <gtest/gtest.h>

namespace lox::http {
namespace {

Handler tagged(std::string tag) {
  return
      [tag](Request&) -> awaitable<Response> { co_return Response::text(200, tag, "text/plain"); };
}

TEST(Router, MatchesLiteralAndParameterSegments) {
  Router router;
  router.add("GET", "/api/v1/accounts/:id", tagged("show"));
  router.add("GET", "/api/v1/accounts/:id/statuses", tagged("statuses"));
  auto m = router.match("GET", "/api/v1/accounts/123/statuses");
  ASSERT_EQ(m.kind, RouteMatch::Kind::kFound);
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0].first, "id");
  EXPECT_EQ(m.params[0].second, "123");
}

TEST(Router, LiteralWinsOverParameterAndFallsBackWhenItDeadEnds) {
  Router router;
  router.add("GET", "/api/v1/accounts/lookup", tagged("lookup"));
  router.add("GET", "/api/v1/accounts/:id/statuses", tagged("statuses"));
  auto lookup = router.match("GET", "/api/v1/accounts/lookup");
  ASSERT_EQ(lookup.kind, RouteMatch::Kind::kFound);
  EXPECT_TRUE(lookup.params.empty());
  // "lookup" as an id: the literal branch has no /statuses, so the parameter branch must match.
  auto statuses = router.match("GET", "/api/v1/accounts/lookup/statuses");
  ASSERT_EQ(statuses.kind, RouteMatch::Kind::kFound);
  ASSERT_EQ(statuses.params.size(), 1u);
  EXPECT_EQ(statuses.params[0].second, "lookup");
}

TEST(Router, UnknownPathIsNotFoundWithoutParams) {
  Router router;
  router.add("GET", "/api/v1/accounts/:id", tagged("show"));
  auto m = router.match("GET", "/api/v1/accounts/1/nothing");
  EXPECT_EQ(m.kind, RouteMatch::Kind::kNotFound);
  EXPECT_TRUE(m.params.empty());
  EXPECT_EQ(router.match("GET", "/").kind, RouteMatch::Kind::kNotFound);
}

TEST(Router, WrongMethodListsAllowedMethods) {
  Router router;
  router.add("GET", "/api/v1/statuses/:id", tagged("get"));
  router.add("DELETE", "/api/v1/statuses/:id", tagged("delete"));
  auto m = router.match("POST", "/api/v1/statuses/9");
  EXPECT_EQ(m.kind, RouteMatch::Kind::kMethodNotAllowed);
  EXPECT_EQ(m.allowed_methods, (std::vector<std::string>{"DELETE", "GET"}));
}

TEST(Router, HeadUsesGetAndTrailingSlashIsIgnored) {
  Router router;
  router.add("GET", "/api/v1/instance", tagged("instance"));
  EXPECT_EQ(router.match("HEAD", "/api/v1/instance").kind, RouteMatch::Kind::kFound);
  EXPECT_EQ(router.match("GET", "/api/v1/instance/").kind, RouteMatch::Kind::kFound);
}

TEST(Router, DecodesEachSegmentSeparately) {
  Router router;
  router.add("GET", "/users/:name", tagged("user"));
  auto m = router.match("GET", "/users/al%69ce");
  ASSERT_EQ(m.kind, RouteMatch::Kind::kFound);
  EXPECT_EQ(m.params[0].second, "alice");
  auto slash = router.match("GET", "/users/a%2Fb");  // an encoded slash does not split
  ASSERT_EQ(slash.kind, RouteMatch::Kind::kFound);
  EXPECT_EQ(slash.params[0].second, "a/b");
}

TEST(Router, RootPathCanBeRouted) {
  Router router;
  router.add("GET", "/", tagged("home"));
  EXPECT_EQ(router.match("GET", "/").kind, RouteMatch::Kind::kFound);
}

TEST(Router, RejectsDuplicateRoutesAndConflictingParameterNames) {
  Router router;
  router.add("GET", "/a/:id", tagged("a"));
  EXPECT_THROW(router.add("GET", "/a/:id", tagged("again")), std::logic_error);
  EXPECT_THROW(router.add("GET", "/a/:name/b", tagged("b")), std::logic_error);
}

TEST(Router, KeepsPerRouteOptions) {
  Router router;
  router.add("POST", "/api/v2/media", tagged("media"), RouteOptions{40 * 1024 * 1024});
  auto m = router.match("POST", "/api/v2/media");
  ASSERT_EQ(m.kind, RouteMatch::Kind::kFound);
  EXPECT_EQ(m.route->options.max_body_bytes, 40u * 1024 * 1024);
}

}  // namespace
}  // namespace lox::http
