#include "raw_http.hpp"
#include "running_server.hpp"

#include <loxodon/http/router.hpp>
#include <loxodon/util/error.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <memory>
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

// A body a test can check byte for byte without keeping a copy: byte i is i % 251.
char pattern_byte(std::uint64_t i) { return static_cast<char>('!' + i % 251 % 90); }
std::string pattern(std::uint64_t offset, std::size_t length) {
  std::string out(length, '\0');
  for (std::size_t i = 0; i < length; ++i) out[i] = pattern_byte(offset + i);
  return out;
}

Router upload_router() {
  Router router;
  RouteOptions spooling;
  spooling.max_body_bytes = 8 * 1024 * 1024;
  spooling.spool_large_body = true;
  router.add(
      "POST", "/upload",
      [](Request& req) -> awaitable<Response> {
        const ByteSource& spooled = req.spooled_body;
        co_return Response::json(200,
                                 {{"in_memory", req.body.size()},
                                  {"spooled", spooled.size()},
                                  {"in_file", spooled.in_file()},
                                  {"intact", spooled.to_string() == pattern(0, spooled.size())}});
      },
      spooling);
  router.add("GET", "/file/:size", [](Request& req) -> awaitable<Response> {
    Response res;
    res.set_header("Content-Type", "application/octet-stream");
    res.streamed = std::make_shared<StreamedBody>();
    res.streamed->length = std::stoull(std::string(*req.path_param("size")));
    res.streamed->read = [](std::uint64_t offset, std::size_t length) -> awaitable<std::string> {
      // A file that goes away after its first 2 MiB.
      if (offset >= 2 * 1024 * 1024) throw std::runtime_error("gone");
      co_return pattern(offset, length);
    };
    co_return res;
  });
  return router;
}

TEST(Server, SpoolingRoutesTakeLargeBodiesIntoAnUnnamedFile) {
  auto spool =
      std::filesystem::temp_directory_path() / ("loxodon-spool-" + std::to_string(::getpid()));
  std::filesystem::create_directories(spool);
  ServerOptions options;
  options.unauthenticated_body_bytes = 1024;
  options.spool_directory = spool;
  RunningServer s(upload_router(), options);

  auto small = http_request(s.port(), "POST", "/upload", "", pattern(0, 1000));
  ASSERT_TRUE(small);
  auto small_json = nlohmann::json::parse(small->body);
  EXPECT_EQ(small_json["in_memory"], 1000);
  EXPECT_EQ(small_json["spooled"], 0);

  auto large = http_request(s.port(), "POST", "/upload", "", pattern(0, 5 * 1024 * 1024));
  ASSERT_TRUE(large);
  ASSERT_EQ(large->status, 200) << large->body;
  auto large_json = nlohmann::json::parse(large->body);
  EXPECT_EQ(large_json["in_memory"], 0);
  EXPECT_EQ(large_json["spooled"], 5 * 1024 * 1024);
  EXPECT_EQ(large_json["in_file"], true);
  EXPECT_EQ(large_json["intact"], true);

  // Chunked, of unknown length: spooled too; and the limit still holds.
  RawConnection chunked(s.port());
  std::string chunks;
  for (int i = 0; i < 4; ++i) {
    std::string block = pattern(static_cast<std::uint64_t>(i) * 4096, 4096);
    chunks += "1000\r\n" + block + "\r\n";
  }
  ASSERT_TRUE(
      chunked.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                   chunks + "0\r\n\r\n"));
  auto chunked_res = chunked.read_response(5s);
  ASSERT_TRUE(chunked_res);
  EXPECT_EQ(nlohmann::json::parse(chunked_res->body)["spooled"], 16384);
  EXPECT_EQ(nlohmann::json::parse(chunked_res->body)["intact"], true);
  RawConnection too_big(s.port());
  ASSERT_TRUE(
      too_big.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
  std::string block = "100000\r\n" + std::string(1024 * 1024, 'x') + "\r\n";
  for (int i = 0; i < 9 && too_big.send(block); ++i) {
  }
  auto refused = too_big.read_response(5s);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 413);

  // Nothing was ever named in the spool directory.
  EXPECT_TRUE(std::filesystem::is_empty(spool));
  std::filesystem::remove_all(spool);
}

TEST(Server, AnUnusableSpoolDirectoryRefusesTheUploadAndNothingElse) {
  ServerOptions options;
  options.unauthenticated_body_bytes = 1024;
  options.spool_directory = "/nonexistent/loxodon-spool";
  RunningServer s(upload_router(), options);
  auto large = http_request(s.port(), "POST", "/upload", "", pattern(0, 4096));
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 503);
  auto small = http_request(s.port(), "POST", "/upload", "", pattern(0, 100));
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 200);
}

TEST(Server, StreamedBodiesAreSentABlockAtATime) {
  RunningServer s(upload_router());
  const std::uint64_t size = 1024 * 1024 + 3;
  auto whole = http_request(s.port(), "GET", "/file/" + std::to_string(size));
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->status, 200);
  EXPECT_EQ(whole->header("content-length"), std::to_string(size));
  EXPECT_TRUE(whole->body == pattern(0, size));

  auto empty = http_request(s.port(), "GET", "/file/0");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->body, "");

  RawConnection head(s.port());
  ASSERT_TRUE(head.send("HEAD /file/5000 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  std::string raw = head.read_until_closed(2s);
  EXPECT_NE(raw.find("Content-Length: 5000\r\n"), std::string::npos);
  EXPECT_TRUE(raw.ends_with("\r\n\r\n"));

  // A body whose source fails halfway: the connection closes short of the declared length.
  RawConnection cut(s.port());
  ASSERT_TRUE(cut.send("GET /file/3000000 HTTP/1.1\r\nHost: x\r\n\r\n"));
  std::string partial = cut.read_until_closed(5s);
  auto head_end = partial.find("\r\n\r\n");
  ASSERT_NE(head_end, std::string::npos);
  EXPECT_EQ(partial.size() - head_end - 4, 2u * 1024 * 1024);
  EXPECT_EQ(http_request(s.port(), "GET", "/file/10")->status, 200);  // still serving
}

}  // namespace
}  // namespace lox::http
