// The outbound HTTP client against local servers: plain HTTP, the SSRF guard, the size cap and
// the deadline, and TLS with certificate and host name verification (a certificate made here).
#include <loxodon/net/http_client.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <array>
#include <functional>

namespace lox::net {
namespace {

using tcp = asio::ip::tcp;

// A self-signed certificate and its key, PEM, for `name`.
std::pair<std::string, std::string> make_certificate(const std::string& name) {
  EVP_PKEY* key = EVP_RSA_gen(2048);
  X509* cert = X509_new();
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* subject = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(name.c_str()), -1, -1, 0);
  X509_set_issuer_name(cert, subject);
  std::string san = "DNS:" + name;
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, nullptr, NID_subject_alt_name, san.c_str());
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
  X509_EXTENSION* ca =
      X509V3_EXT_conf_nid(nullptr, nullptr, NID_basic_constraints, "critical,CA:TRUE");
  X509_add_ext(cert, ca, -1);
  X509_EXTENSION_free(ca);
  X509_sign(cert, key, EVP_sha256());
  auto pem = [](auto write) {
    BIO* bio = BIO_new(BIO_s_mem());
    write(bio);
    char* data = nullptr;
    long n = BIO_get_mem_data(bio, &data);
    std::string out(data, static_cast<std::size_t>(n));
    BIO_free(bio);
    return out;
  };
  std::string cert_pem = pem([&](BIO* b) { PEM_write_bio_X509(b, cert); });
  std::string key_pem =
      pem([&](BIO* b) { PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr); });
  X509_free(cert);
  EVP_PKEY_free(key);
  return {cert_pem, key_pem};
}

// Answers one connection: reads the request head, then sends `answer` (or nothing).
awaitable<void> serve_once(tcp::acceptor& acceptor, std::string answer, std::string* seen,
                           asio::ssl::context* tls) {
  auto socket = co_await acceptor.async_accept(asio::use_awaitable);
  std::array<char, 4096> buf{};
  boost::system::error_code ec;
  if (tls != nullptr) {
    asio::ssl::stream<tcp::socket> stream(std::move(socket), *tls);
    co_await stream.async_handshake(asio::ssl::stream_base::server,
                                    asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    std::size_t n = co_await stream.async_read_some(asio::buffer(buf),
                                                    asio::redirect_error(asio::use_awaitable, ec));
    *seen = std::string(buf.data(), n);
    co_await asio::async_write(stream, asio::buffer(answer),
                               asio::redirect_error(asio::use_awaitable, ec));
    co_await stream.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
    co_return;
  }
  std::size_t n = co_await socket.async_read_some(asio::buffer(buf),
                                                  asio::redirect_error(asio::use_awaitable, ec));
  *seen = std::string(buf.data(), n);
  if (answer.empty()) {
    // Never answer: hold the connection until the client gives up.
    co_await socket.async_read_some(asio::buffer(buf),
                                    asio::redirect_error(asio::use_awaitable, ec));
    co_return;
  }
  co_await asio::async_write(socket, asio::buffer(answer),
                             asio::redirect_error(asio::use_awaitable, ec));
}

struct Outcome {
  std::optional<HttpClientResponse> response;
  std::string error;
};

Outcome fetch(asio::io_context& io, HttpClient& client, const std::string& url,
              tcp::acceptor* acceptor = nullptr, std::string answer = {},
              std::string* seen = nullptr, asio::ssl::context* tls = nullptr,
              std::function<void(HttpClientRequest&)> adjust = {}) {
  Outcome out;
  std::string ignored;
  if (acceptor != nullptr) {
    asio::co_spawn(io, serve_once(*acceptor, std::move(answer), seen ? seen : &ignored, tls),
                   asio::detached);
  }
  asio::co_spawn(
      io,
      [&]() -> awaitable<void> {
        HttpClientRequest r;
        r.url = url;
        r.headers = {{"Accept", "application/activity+json"}};
        if (adjust) adjust(r);
        out.response = co_await client.send(r);
      },
      [&](std::exception_ptr e) {
        if (!e) return;
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          out.error = ex.what();
        }
        if (acceptor != nullptr) acceptor->cancel();
      });
  io.run();
  io.restart();
  return out;
}

HttpClientOptions local_options() {
  HttpClientOptions o;
  o.connector.allow_private_addresses = true;
  o.timeout = std::chrono::milliseconds(500);
  return o;
}

TEST(HttpClient, ParsesOnlyHttpUrls) {
  auto u = parse_url("https://Example.COM/users/alice?x=1#frag");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->host, "example.com");
  EXPECT_EQ(u->port, "443");
  EXPECT_EQ(u->target, "/users/alice?x=1");
  EXPECT_EQ(u->authority(), "example.com");
  auto v6 = parse_url("http://[::1]:8080");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->authority(), "[::1]:8080");
  EXPECT_EQ(v6->target, "/");
  for (const char* bad :
       {"ftp://x/", "file:///etc/passwd", "https://", "https://user@host/", "https://host:99999/",
        "https://host:0/", "javascript:alert(1)", "//x/"}) {
    EXPECT_FALSE(parse_url(bad)) << bad;
  }
}

TEST(HttpClient, PlainHttpGuardSizeCapAndDeadline) {
  asio::io_context io;
  tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
  std::string port = std::to_string(acceptor.local_endpoint().port());
  std::string base = "http://localhost:" + port;

  HttpClient client(local_options());
  std::string seen;
  auto ok = fetch(io, client, base + "/users/alice?page=1", &acceptor,
                  "HTTP/1.1 200 OK\r\nContent-Type: application/activity+json\r\nContent-Length: "
                  "2\r\nConnection: close\r\n\r\n{}",
                  &seen);
  ASSERT_TRUE(ok.response) << ok.error;
  EXPECT_EQ(ok.response->status, 200u);
  EXPECT_EQ(ok.response->body, "{}");
  EXPECT_EQ(ok.response->header("content-type"), "application/activity+json");
  EXPECT_TRUE(seen.starts_with("GET /users/alice?page=1 HTTP/1.1\r\n")) << seen;
  EXPECT_NE(seen.find("Host: localhost:" + port), std::string::npos);
  EXPECT_NE(seen.find("Accept: application/activity+json"), std::string::npos);

  // Error statuses are answers, not failures.
  auto gone = fetch(io, client, base + "/x", &acceptor,
                    "HTTP/1.1 410 Gone\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  ASSERT_TRUE(gone.response) << gone.error;
  EXPECT_EQ(gone.response->status, 410u);

  // More than the cap: refused while reading.
  HttpClientOptions small = local_options();
  small.max_response_bytes = 10;
  HttpClient capped(small);
  auto big = fetch(io, capped, base + "/big", &acceptor,
                   "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n" +
                       std::string(100, 'x'));
  EXPECT_FALSE(big.response);
  EXPECT_NE(big.error.find("larger than 10 bytes"), std::string::npos) << big.error;
  // The same without a declared length (read until the server closes).
  auto undeclared = fetch(io, capped, base + "/big", &acceptor,
                          "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + std::string(100, 'x'));
  EXPECT_FALSE(undeclared.response);
  EXPECT_NE(undeclared.error.find("larger than 10 bytes"), std::string::npos) << undeclared.error;

  // A page read for its head keeps the first bytes of a larger body instead.
  auto head = fetch(
      io, capped, base + "/page", &acceptor,
      "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n" + std::string(100, 'x'),
      nullptr, nullptr, [](HttpClientRequest& r) { r.truncate = true; });
  ASSERT_TRUE(head.response) << head.error;
  EXPECT_EQ(head.response->body, std::string(10, 'x'));
  // A declared length far beyond memory is not reserved: the first bytes are read as they come.
  auto huge =
      fetch(io, capped, base + "/page", &acceptor,
            "HTTP/1.1 200 OK\r\nContent-Length: 1000000000000000\r\n\r\n" + std::string(100, 'y'),
            nullptr, nullptr, [](HttpClientRequest& r) { r.truncate = true; });
  ASSERT_TRUE(huge.response) << huge.error;
  EXPECT_EQ(huge.response->body, std::string(10, 'y'));
  // Within a larger cap, bodies beyond Beast's default 8 MB limit arrive whole (remote video).
  const std::string nine_mb(9 * 1024 * 1024, 'v');
  auto video = fetch(io, client, base + "/video", &acceptor,
                     "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(nine_mb.size()) +
                         "\r\nConnection: close\r\n\r\n" + nine_mb,
                     nullptr, nullptr,
                     [](HttpClientRequest& r) { r.max_response_bytes = 20 * 1024 * 1024; });
  ASSERT_TRUE(video.response) << video.error;
  EXPECT_EQ(video.response->body.size(), nine_mb.size());

  // A server that never answers meets the deadline.
  auto silent = fetch(io, client, base + "/slow", &acceptor, "");
  EXPECT_FALSE(silent.response);
  EXPECT_NE(silent.error.find("did not answer in time"), std::string::npos) << silent.error;

  // Without the test switch, loopback is refused before any connection.
  HttpClient guarded({});
  auto refused = fetch(io, guarded, base + "/");
  EXPECT_FALSE(refused.response);
  EXPECT_NE(refused.error.find("not public"), std::string::npos) << refused.error;
  auto not_http = fetch(io, client, "gopher://localhost/");
  EXPECT_NE(not_http.error.find("not an http(s) URL"), std::string::npos);
}

// Serves any number of requests per connection; `close_after_answer` makes it drop each
// connection silently after answering (as servers do with idle keep-alive connections).
struct KeepAliveServer {
  explicit KeepAliveServer(asio::io_context& io)
      : acceptor(io, {asio::ip::make_address("127.0.0.1"), 0}) {}
  awaitable<void> serve_connection(tcp::socket socket) {
    std::string buffer;
    for (;;) {
      boost::system::error_code ec;
      std::size_t n =
          co_await asio::async_read_until(socket, asio::dynamic_buffer(buffer), "\r\n\r\n",
                                          asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return;
      buffer.erase(0, n);
      ++requests;
      std::string body = std::to_string(accepted);
      std::string answer =
          "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
      co_await asio::async_write(socket, asio::buffer(answer),
                                 asio::redirect_error(asio::use_awaitable, ec));
      if (ec || close_after_answer) co_return;
    }
  }
  awaitable<void> run() {
    for (;;) {
      boost::system::error_code ec;
      auto socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return;
      ++accepted;
      asio::co_spawn(acceptor.get_executor(), serve_connection(std::move(socket)), asio::detached);
    }
  }
  tcp::acceptor acceptor;
  int accepted = 0;
  int requests = 0;
  bool close_after_answer = false;
};

TEST(HttpClient, KeepsConnectionsAliveAndReplacesOnesTheServerClosed) {
  asio::io_context io;
  KeepAliveServer server(io);
  std::string url = "http://127.0.0.1:" + std::to_string(server.acceptor.local_endpoint().port());
  HttpClient client(local_options());
  asio::co_spawn(io, server.run(), asio::detached);
  std::vector<std::string> bodies;
  std::string error;
  asio::co_spawn(
      io,
      [&]() -> awaitable<void> {
        for (int i = 0; i < 3; ++i) {
          HttpClientRequest r;
          r.method = "POST";
          r.url = url + "/inbox";
          r.body = "{}";
          bodies.push_back((co_await client.send(r)).body);
        }
        // The server now drops connections after each answer without saying so: the pooled
        // one is found dead when used, and the request goes out again on a new connection.
        server.close_after_answer = true;
        for (int i = 0; i < 2; ++i) {
          HttpClientRequest r;
          r.url = url + "/again";
          bodies.push_back((co_await client.send(r)).body);
          asio::steady_timer pause(co_await asio::this_coro::executor,
                                   std::chrono::milliseconds(20));
          co_await pause.async_wait(asio::use_awaitable);
        }
      },
      [&](std::exception_ptr e) {
        if (e) {
          try {
            std::rethrow_exception(e);
          } catch (const std::exception& ex) {
            error = ex.what();
          }
        }
        server.acceptor.close();
      });
  io.run();
  ASSERT_EQ(error, "");
  EXPECT_EQ(bodies, (std::vector<std::string>{"1", "1", "1", "1", "2"}));
  EXPECT_EQ(server.accepted, 2);
  EXPECT_EQ(server.requests, 5);
}

TEST(HttpClient, TlsVerifiesTheCertificateAndTheName) {
  asio::io_context io;
  tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
  std::string url = "https://localhost:" + std::to_string(acceptor.local_endpoint().port()) + "/";
  const std::string answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";

  auto [cert, key] = make_certificate("localhost");
  asio::ssl::context server_tls(asio::ssl::context::tls_server);
  server_tls.use_certificate_chain(asio::buffer(cert));
  server_tls.use_private_key(asio::buffer(key), asio::ssl::context::pem);

  // Trusted (as a test CA) and naming the host: the exchange works.
  HttpClientOptions trusting = local_options();
  trusting.extra_ca_pem = cert;
  HttpClient client(trusting);
  std::string seen;
  auto ok = fetch(io, client, url, &acceptor, answer, &seen, &server_tls);
  ASSERT_TRUE(ok.response) << ok.error;
  EXPECT_EQ(ok.response->body, "ok");

  // The system's trust store alone does not know this certificate.
  HttpClient untrusting(local_options());
  auto unknown = fetch(io, untrusting, url, &acceptor, answer, &seen, &server_tls);
  EXPECT_FALSE(unknown.response);
  EXPECT_NE(unknown.error.find("TLS handshake"), std::string::npos) << unknown.error;

  // A trusted certificate for another name is refused too.
  auto [other_cert, other_key] = make_certificate("example.org");
  asio::ssl::context other_tls(asio::ssl::context::tls_server);
  other_tls.use_certificate_chain(asio::buffer(other_cert));
  other_tls.use_private_key(asio::buffer(other_key), asio::ssl::context::pem);
  HttpClientOptions trusting_other = local_options();
  trusting_other.extra_ca_pem = other_cert;
  HttpClient misnamed(trusting_other);
  auto wrong_name = fetch(io, misnamed, url, &acceptor, answer, &seen, &other_tls);
  EXPECT_FALSE(wrong_name.response);
  EXPECT_NE(wrong_name.error.find("TLS handshake"), std::string::npos) << wrong_name.error;
}

}  // namespace
}  // namespace lox::net
