#pragma once

#include <loxodon/net/guarded_connector.hpp>
#include <loxodon/util/asio.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lox::net {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpClientRequest {
  std::string method = "GET";
  std::string url;  // http:// or https://
  HeaderList headers;
  std::string body;
  // Overrides of the client's limits for this request (media downloads are larger and slower
  // than documents).
  std::optional<std::size_t> max_response_bytes;
  std::optional<std::chrono::milliseconds> timeout;
  // Keep the first max_response_bytes of a larger body instead of failing (a web page read
  // for its <head>); reading stops there and the connection is not reused.
  bool truncate = false;
};

struct HttpClientResponse {
  unsigned status = 0;
  std::string url;  // the URL that answered (the last hop of get_following_redirects)
  HeaderList headers;
  std::string body;
  std::optional<std::string> header(std::string_view name) const;
};

// An URL as the client dials it.
struct ParsedUrl {
  std::string scheme;  // "http" or "https"
  std::string host;    // without brackets
  std::string port;
  std::string target;             // path and query, at least "/"
  std::string authority() const;  // host[:port] as the Host header carries it
};
// Nothing for anything but an absolute http(s) URL with a host.
std::optional<ParsedUrl> parse_url(std::string_view url);

struct HttpClientOptions {
  ConnectorOptions connector;
  std::chrono::milliseconds timeout{10000};      // the whole exchange after connecting
  std::size_t max_response_bytes = 1024 * 1024;  // body; a larger answer is an error
  std::string user_agent = "Loxodon";
  std::optional<std::string> extra_ca_pem;  // trusted besides the system's (tests)
  // Kept-alive connections wait this long for the next request to the same host.
  std::chrono::seconds idle_timeout{15};
  std::size_t max_idle_per_host = 4;  // deliveries run at most two per host at once
  std::size_t max_idle_total = 256;   // bounds the descriptors held by idle connections
};

// The request failed: refused address, no connection, TLS, timeout, oversized or malformed
// answer. (An HTTP error status is a response, not an exception.)
class HttpClientError : public std::runtime_error {
 public:
  explicit HttpClientError(const std::string& what, bool too_large = false)
      : std::runtime_error(what), too_large_(too_large) {}
  // The answer exceeded the size cap: asking again will not help.
  bool too_large() const { return too_large_; }

 private:
  bool too_large_ = false;
};

// Outbound HTTP/1.1 for federation: every connection through the SSRF guard, TLS with
// certificate and host name verification (OpenSSL, the system's trust store), SNI, a deadline
// per exchange, a cap on what is read. Connections are kept alive and reused per host (and per
// io thread); a kept-alive connection the server closed meanwhile is replaced transparently.
class HttpClient {
 public:
  // Sockets are made on the executor of the coroutine that sends, so one client serves every
  // thread; the TLS context is shared (OpenSSL's is thread-safe once set up).
  explicit HttpClient(HttpClientOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  awaitable<HttpClientResponse> send(HttpClientRequest request);
  // A GET that follows up to `max_redirects` redirects (301, 302, 303, 307, 308 to an absolute,
  // protocol-relative or path URL), each hop a new `send` through the guard; the answer is the
  // last hop's (a redirect too, when there were more, or its Location was unusable). For what
  // people link and servers move: pages and images. ActivityPub documents are never fetched
  // this way (an object's id must be where it is served).
  awaitable<HttpClientResponse> get_following_redirects(HttpClientRequest request,
                                                        int max_redirects = 3);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lox::net
