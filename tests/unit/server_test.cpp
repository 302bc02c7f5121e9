#include "raw_http.hpp"
#include "running_server.hpp"

#include <loxodon/http/router.hpp>
#include <loxodon/util/error.hpp>

#include <gtest/gtest.h>

#include <thread>

namespace lox::http {
namespace {

using lox::testing::http_request;
using lox::testing::RawConnection;
using lox::testing::RunningServer;
using namespace std::chrono_literals;

Router test_router() {
  Router router;
  router.add("GET", "/api/echo", [](Request& req) -> awaitable<Response> {
    nlohmann::json q = nlohmann::json::object();
    for (const auto& [k, v] : req.query) q[k] = v;
    co_return Response::json(200, {{"remote", req.remote_address},
                                   {"scheme", req.scheme},
                                   {"query", q},
                                   {"request_id", req.request_id}});
  });
  router.add("POST", "/api/body", [](Request& req) -> awaitable<Response> {
    co_return Response::json(200, {{"length", req.body.size()}});
  });
  router.add(
      "POST", "/api/small",
      [](Request& req) -> awaitable<Response> {
        co_return Response::json(200, {{"length", req.body.size()}});
      },
      RouteOptions{10});
  router.add("GET", "/conflict", [](Request&) -> awaitable<Response> {
    throw Error(ErrorCode::kConflict, "Validation failed: taken", "internal detail");
    co_return Response{};
  });
  router.add("GET", "/boom", [](Request&) -> awaitable<Response> {
    throw std::runtime_error("SELECT password FROM users");
    co_return Response{};
  });
  router.add("GET", "/slow", [](Request&) -> awaitable<Response> {
    asio::steady_timer timer(co_await asio::this_coro::executor, 400ms);
    co_await timer.async_wait(asio::use_awaitable);
    co_return Response::text(200, "slow", "text/plain");
  });
  router.add("GET", "/users/:name", [](Request& req) -> awaitable<Response> {
    co_return Response::text(200, std::string(*req.path_param("name")), "text/plain");
  });
  return router;
}

ServerOptions short_timeouts() {
  ServerOptions o;
  o.header_timeout = 1s;
  o.idle_timeout = 1s;
  o.body_timeout = 1s;
  o.max_header_bytes = 4096;
  o.max_body_bytes = 1024;
  return o;
}

TEST(Server, RoutesAndReturnsJsonErrors) {
  RunningServer s(test_router());
  auto ok = http_request(s.port(), "GET", "/api/echo?a=1&b=%20x");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  auto body = nlohmann::json::parse(ok->body);
  EXPECT_EQ(body["query"]["b"], " x");
  EXPECT_EQ(ok->header("x-request-id"), body["request_id"]);
  EXPECT_EQ(ok->header("content-type"), "application/json; charset=utf-8");

  auto missing = http_request(s.port(), "GET", "/nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing->body)["error"], "Record not found");

  auto wrong = http_request(s.port(), "DELETE", "/api/echo");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->header("allow"), "GET");
  EXPECT_TRUE(nlohmann::json::parse(wrong->body).contains("error"));

  auto named = http_request(s.port(), "GET", "/users/al%69ce");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->body, "alice");
}

TEST(Server, HandlerErrorsNeverLeakInternals) {
  RunningServer s(test_router());
  auto conflict = http_request(s.port(), "GET", "/conflict");
  ASSERT_TRUE(conflict);
  EXPECT_EQ(conflict->status, 409);
  EXPECT_EQ(conflict->body, R"({"error":"Validation failed: taken"})");
  auto boom = http_request(s.port(), "GET", "/boom");
  ASSERT_TRUE(boom);
  EXPECT_EQ(boom->status, 500);
  EXPECT_EQ(boom->body, R"({"error":"Internal server error"})");
  // ... and the server keeps serving.
  EXPECT_EQ(http_request(s.port(), "GET", "/api/echo")->status, 200);
}

TEST(Server, DeclaredOversizedBodyIsRefusedBeforeItIsSentEvenOnUnknownPaths) {
  RunningServer s(test_router(), short_timeouts());
  for (const char* path : {"/api/body", "/does/not/exist"}) {
    RawConnection conn(s.port());
    // Only the head: the server must answer without waiting for the 5000 announced bytes.
    ASSERT_TRUE(conn.send(std::string("POST ") + path +
                          " HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"));
    auto res = conn.read_response(2s);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 413) << path;
    EXPECT_EQ(nlohmann::json::parse(res->body)["error"], "Request body too large");
  }
  auto fits = http_request(s.port(), "POST", "/api/body", "", std::string(1024, 'x'));
  ASSERT_TRUE(fits);
  EXPECT_EQ(fits->status, 200);
}

TEST(Server, PerRouteBodyLimitAppliesToChunkedBodiesToo) {
  RunningServer s(test_router(), short_timeouts());
  auto small = http_request(s.port(), "POST", "/api/small", "", "0123456789");
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 200);
  auto big = http_request(s.port(), "POST", "/api/small", "", "0123456789A");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);

  RawConnection conn(s.port());
  ASSERT_TRUE(
      conn.send("POST /api/small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                "8\r\n01234567\r\n8\r\n89abcdef\r\n0\r\n\r\n"));
  auto chunked = conn.read_response(2s);
  ASSERT_TRUE(chunked);
  EXPECT_EQ(chunked->status, 413);
}

TEST(Server, AmbiguousFramingIsRefused) {
  RunningServer s(test_router(), short_timeouts());
  for (const char* smuggle : {"POST /api/body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                              "gzip\r\nContent-Length: 3\r\n\r\nabc",
                              "POST /api/body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                              "chunked\r\nContent-Length: 3\r\n\r\n"
                              "3\r\nabc\r\n0\r\n\r\n"}) {
    RawConnection conn(s.port());
    ASSERT_TRUE(conn.send(smuggle));
    auto res = conn.read_response(2s);
    ASSERT_TRUE(res) << smuggle;
    EXPECT_EQ(res->status, 400) << smuggle;
  }
}

TEST(Server, EndlessChunkExtensionsCannotFillMemory) {
  RunningServer s(test_router(), short_timeouts());
  RawConnection conn(s.port());
  ASSERT_TRUE(
      conn.send("POST /api/body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;"));
  std::string junk(64 * 1024, 'a');
  for (int i = 0; i < 8 && conn.send(junk); ++i) {
  }
  auto res = conn.read_response(3s);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
}

TEST(Server, OversizedHeadersGet431) {
  RunningServer s(test_router(), short_timeouts());
  auto res =
      http_request(s.port(), "GET", "/api/echo", "X-Big: " + std::string(8000, 'a') + "\r\n");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 431);
  EXPECT_TRUE(nlohmann::json::parse(res->body).contains("error"));
}

TEST(Server, MalformedRequestsGet400AndTheServerKeepsServing) {
  RunningServer s(test_router(), short_timeouts());
  for (const char* garbage : {"THIS IS NOT HTTP\r\n\r\n", "GET /x HTTP/9.9\r\n\r\n",
                              "GET /api/echo HTTP/1.1\r\nBad Header Line\r\n\r\n",
                              "POST /api/body HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
                              "GET http://evil/ HTTP/1.1\r\nHost: x\r\n\r\n"}) {
    RawConnection conn(s.port());
    ASSERT_TRUE(conn.send(garbage));
    auto res = conn.read_response(2s);
    ASSERT_TRUE(res) << garbage;
    EXPECT_EQ(res->status, 400) << garbage;
    EXPECT_TRUE(nlohmann::json::parse(res->body).contains("error"));
    EXPECT_TRUE(conn.wait_closed(2s));
  }
  EXPECT_EQ(http_request(s.port(), "GET", "/api/echo")->status, 200);
}

TEST(Server, KeepAliveAndPipelinedRequestsAreAnsweredInOrder) {
  RunningServer s(test_router());
  RawConnection conn(s.port());
  ASSERT_TRUE(
      conn.send("GET /users/one HTTP/1.1\r\nHost: x\r\n\r\n"
                "GET /users/two HTTP/1.1\r\nHost: x\r\n\r\n"
                "GET /users/three HTTP/1.1\r\nHost: x\r\n\r\n"));
  for (const char* expected : {"one", "two", "three"}) {
    auto res = conn.read_response(2s);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->body, expected);
  }
  ASSERT_TRUE(conn.send("GET /users/four HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto res = conn.read_response(2s);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body, "four");
}

TEST(Server, SlowClientsAreCutOffByHeaderAndIdleTimeouts) {
  RunningServer s(test_router(), short_timeouts());
  RawConnection slow(s.port());
  ASSERT_TRUE(slow.send("GET /api/echo HTTP/1.1\r\nHost: x\r\n"));  // never finishes the head
  EXPECT_TRUE(slow.wait_closed(4s));
  RawConnection idle(s.port());  // never sends anything
  EXPECT_TRUE(idle.wait_closed(4s));
}

TEST(Server, HeadReturnsHeadersWithoutBody) {
  RunningServer s(test_router());
  RawConnection conn(s.port());
  ASSERT_TRUE(conn.send("HEAD /users/alice HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  std::string raw = conn.read_until_closed(2s);
  ASSERT_TRUE(raw.starts_with("HTTP/1.1 200"));
  EXPECT_NE(raw.find("Content-Length: 5\r\n"), std::string::npos);
  EXPECT_TRUE(raw.ends_with("\r\n\r\n")) << "HEAD response carried a body";
}

TEST(Server, CorsFollowsMastodonForApiPaths) {
  RunningServer s(test_router());
  auto api = http_request(s.port(), "GET", "/api/echo", "Origin: https://elk.zone\r\n");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->header("access-control-allow-origin"), "*");
  EXPECT_NE(api->header("access-control-expose-headers").find("Link"), std::string::npos);
  auto preflight = http_request(s.port(), "OPTIONS", "/api/echo",
                                "Origin: https://elk.zone\r\nAccess-Control-Request-Method: GET\r\n"
                                "Access-Control-Request-Headers: authorization\r\n");
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 200);
  EXPECT_EQ(preflight->header("access-control-allow-origin"), "*");
  EXPECT_EQ(preflight->header("access-control-allow-headers"), "authorization");
  EXPECT_NE(preflight->header("access-control-allow-methods").find("POST"), std::string::npos);
  auto other = http_request(s.port(), "GET", "/users/x", "Origin: https://elk.zone\r\n");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->header("access-control-allow-origin"), "");
}

TEST(Server, ForwardedHeadersAreBelievedOnlyFromTrustedProxies) {
  {
    RunningServer untrusted(test_router());
    auto res = http_request(untrusted.port(), "GET", "/api/echo",
                            "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\n");
    auto body = nlohmann::json::parse(res->body);
    EXPECT_EQ(body["remote"], "127.0.0.1");
    EXPECT_EQ(body["scheme"], "http");
  }
  ServerOptions o;
  o.trusted_proxies = {*IpNetwork::parse("127.0.0.0/8")};
  RunningServer trusted(test_router(), o);
  auto res = http_request(trusted.port(), "GET", "/api/echo",
                          "X-Forwarded-For: 198.51.100.1, 203.0.113.9, 127.0.0.5\r\n"
                          "X-Forwarded-Proto: https\r\n");
  auto body = nlohmann::json::parse(res->body);
  // The rightmost untrusted hop is the client; earlier entries could be forged by it.
  EXPECT_EQ(body["remote"], "203.0.113.9");
  EXPECT_EQ(body["scheme"], "https");
  // A hop that is not an address stops the walk before the client-written part.
  res = http_request(trusted.port(), "GET", "/api/echo",
                     "X-Forwarded-For: 198.51.100.7, unknown, 127.0.0.5\r\n");
  EXPECT_EQ(nlohmann::json::parse(res->body)["remote"], "127.0.0.5");
}

TEST(Server, GracefulStopFinishesRequestsInFlightAndRefusesNewOnes) {
  RunningServer s(test_router());
  RawConnection idle(s.port());
  ASSERT_TRUE(idle.send("GET /users/a HTTP/1.1\r\nHost: x\r\n\r\n"));
  ASSERT_TRUE(idle.read_response(2s));
  RawConnection busy(s.port());
  ASSERT_TRUE(busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"));
  std::this_thread::sleep_for(100ms);
  std::thread stopper([&] { s.stop(5s); });
  auto res = busy.read_response(3s);
  stopper.join();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->header("connection"), "close");
  EXPECT_TRUE(idle.wait_closed(1s));
  EXPECT_THROW(RawConnection refused(s.port()), std::runtime_error);
}

}  // namespace
}  // namespace lox::http
