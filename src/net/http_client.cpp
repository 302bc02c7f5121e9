#include <loxodon/domain/username.hpp>
#include <loxodon/net/http_client.hpp>

#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <limits>
#include <map>
#include <mutex>
#include <optional>

namespace lox::net {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = boost::asio::ssl;

std::optional<std::string> HttpClientResponse::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (domain::lowercase(k) == domain::lowercase(name)) return v;
  }
  return std::nullopt;
}

std::string ParsedUrl::authority() const {
  bool v6 = host.find(':') != std::string::npos;
  std::string h = v6 ? "[" + host + "]" : host;
  bool default_port = (scheme == "https" && port == "443") || (scheme == "http" && port == "80");
  return default_port ? h : h + ":" + port;
}

std::optional<ParsedUrl> parse_url(std::string_view url) {
  ParsedUrl out;
  auto colon = url.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  for (char c : url.substr(0, colon)) {
    out.scheme.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (out.scheme != "http" && out.scheme != "https") return std::nullopt;
  std::string_view rest = url.substr(colon + 3);
  auto slash = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, slash);
  std::string_view target = slash == std::string_view::npos ? "/" : rest.substr(slash);
  if (auto hash = target.find('#'); hash != std::string_view::npos) target = target.substr(0, hash);
  out.target = target.empty() || target[0] != '/' ? "/" + std::string(target) : std::string(target);
  if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;
  if (authority.front() == '[') {
    auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    out.host = std::string(authority.substr(1, close - 1));
    authority = authority.substr(close + 1);
    if (!authority.empty() && authority.front() != ':') return std::nullopt;
    out.port = authority.empty() ? "" : std::string(authority.substr(1));
  } else {
    auto c = authority.rfind(':');
    out.host = std::string(authority.substr(0, c));
    out.port = c == std::string_view::npos ? "" : std::string(authority.substr(c + 1));
  }
  if (out.host.empty()) return std::nullopt;
  for (auto& ch : out.host) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (out.port.empty()) out.port = out.scheme == "https" ? "443" : "80";
  for (char ch : out.port) {
    if (!std::isdigit(static_cast<unsigned char>(ch))) return std::nullopt;
  }
  if (out.port.size() > 5 || std::stoi(out.port) > 65535 || std::stoi(out.port) == 0)
    return std::nullopt;
  return out;
}

namespace {

// One open connection to a host: plain or TLS, with its read buffer.
struct Connection {
  std::optional<beast::tcp_stream> plain;
  std::optional<beast::ssl_stream<beast::tcp_stream>> tls;
  std::chrono::steady_clock::time_point idle_since;

  beast::tcp_stream& lowest() { return plain ? *plain : beast::get_lowest_layer(*tls); }
};

// A failure on a kept-alive connection before any of the answer arrived: the server closed it
// while it was idle, so the request is sent again on a new one.
struct StaleConnection {};

// Idle kept-alive connections live in a service of the io_context their sockets belong to, so
// they are closed when that context shuts down (before its socket service goes), whether or
// not the client that opened them is still around; a context never sees another's sockets.
class IdleConnections : public asio::execution_context::service {
 public:
  using key_type = IdleConnections;
  static inline asio::execution_context::id id;

  explicit IdleConnections(asio::execution_context& context)
      : asio::execution_context::service(context) {}

  std::unique_ptr<Connection> take(const std::string& host_key, std::chrono::seconds idle_timeout) {
    std::lock_guard lock(mutex_);
    auto it = idle_.find(host_key);
    auto now = std::chrono::steady_clock::now();
    while (it != idle_.end() && !it->second.empty()) {
      auto conn = std::move(it->second.back());  // the most recently used is the likeliest alive
      it->second.pop_back();
      --count_;
      if (now - conn->idle_since < idle_timeout) return conn;
    }
    return nullptr;
  }

  void give_back(const std::string& host_key, std::unique_ptr<Connection> conn,
                 const HttpClientOptions& options) {
    auto now = std::chrono::steady_clock::now();
    conn->idle_since = now;
    std::lock_guard lock(mutex_);
    if (count_ >= options.max_idle_total) {
      // Bounded descriptors: first drop what has idled out anywhere.
      count_ = 0;
      for (auto it = idle_.begin(); it != idle_.end();) {
        std::erase_if(it->second,
                      [&](const auto& c) { return now - c->idle_since >= options.idle_timeout; });
        count_ += it->second.size();
        it = it->second.empty() ? idle_.erase(it) : std::next(it);
      }
      if (count_ >= options.max_idle_total) return;  // closes `conn`
    }
    auto& list = idle_[host_key];
    if (list.size() >= options.max_idle_per_host) {
      list.pop_front();
      --count_;
    }
    list.push_back(std::move(conn));
    ++count_;
  }

 private:
  void shutdown() override {
    std::lock_guard lock(mutex_);
    idle_.clear();
    count_ = 0;
  }

  std::mutex mutex_;
  std::map<std::string, std::deque<std::unique_ptr<Connection>>> idle_;
  std::size_t count_ = 0;
};

std::atomic<std::uint64_t> next_client_id{1};

HttpClientError too_large(std::size_t max) {
  return HttpClientError("the response is larger than " + std::to_string(max) + " bytes", true);
}

// Up to `max` bytes of the body, the buffered ones first, read from the stream itself. The
// connection is abandoned mid-body: whatever ended the read, what arrived is kept.
template <class Stream>
awaitable<std::string> read_past_parser(Stream& stream, beast::flat_buffer& buffer, std::size_t max,
                                        boost::system::error_code& ec) {
  std::string raw = beast::buffers_to_string(buffer.data());
  buffer.consume(buffer.size());
  std::array<char, 16 * 1024> chunk{};
  while (raw.size() < max && !ec) {
    std::size_t n = co_await stream.async_read_some(asio::buffer(chunk),
                                                    asio::redirect_error(asio::use_awaitable, ec));
    raw.append(chunk.data(), n);
  }
  if (ec != beast::error::timeout) ec = {};
  co_return raw;
}

HttpClientResponse to_response(bhttp::response<bhttp::string_body>& res) {
  HttpClientResponse out;
  out.status = res.result_int();
  for (const auto& field : res) {
    out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  out.body = std::move(res.body());
  return out;
}

// Whether `dirs` (a colon-separated list, as SSL_CERT_DIR takes) holds OpenSSL's hashed root
// links (8 hex digits, ".0" and up).
bool has_hashed_roots(const std::string& dirs) {
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    std::string dir =
        dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), last; !ec && it != last;
         it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.size() >= 10 && name[8] == '.' &&
          std::all_of(name.begin(), name.begin() + 8,
                      [](unsigned char c) { return std::isxdigit(c) != 0; })) {
        return true;
      }
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

// The system's trust store, as set_default_verify_paths() finds it (SSL_CERT_FILE and
// SSL_CERT_DIR first, then OpenSSL's defaults), but without parsing the whole bundle file into
// memory at start (about 1 MB in every process) where a hashed directory serves the same roots
// on demand; a system with only the bundle (no hashed links) gets the bundle.
void use_system_roots(ssl::context& tls) {
  boost::system::error_code ignored;  // as set_default_verify_paths(): a missing path is no root
  const char* file = std::getenv(X509_get_default_cert_file_env());
  const char* dir_env = std::getenv(X509_get_default_cert_dir_env());
  const std::string dir = dir_env != nullptr ? dir_env : X509_get_default_cert_dir();
  if (file != nullptr) tls.load_verify_file(file, ignored);
  tls.add_verify_path(dir, ignored);
  if (file == nullptr && !has_hashed_roots(dir)) {
    tls.load_verify_file(X509_get_default_cert_file(), ignored);
  }
}

}  // namespace

struct HttpClient::Impl {
  HttpClientOptions options;
  ssl::context tls{ssl::context::tls_client};
  // Connections are reused only by the client that opened them (its TLS settings).
  const std::string client_id = std::to_string(next_client_id++);

  explicit Impl(HttpClientOptions o) : options(std::move(o)) {
    use_system_roots(tls);
    tls.set_verify_mode(ssl::verify_peer);
    tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                    ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    if (options.extra_ca_pem) {
      tls.add_certificate_authority(asio::buffer(*options.extra_ca_pem));
    }
  }

  std::string pool_key(const ParsedUrl& url) const {
    return client_id + " " + url.scheme + "://" + url.host + ":" + url.port;
  }

  static IdleConnections& pool(const asio::any_io_executor& executor) {
    return asio::use_service<IdleConnections>(asio::query(executor, asio::execution::context));
  }

  awaitable<std::unique_ptr<Connection>> open(const ParsedUrl& url) {
    auto executor = co_await asio::this_coro::executor;
    GuardedConnector connector(executor, options.connector);
    asio::ip::tcp::socket socket(executor);
    try {
      socket = co_await connector.connect(url.host, url.port);
    } catch (const BlockedAddressError& e) {
      throw HttpClientError(e.what());
    } catch (const ConnectError& e) {
      throw HttpClientError(e.what());
    }
    auto conn = std::make_unique<Connection>();
    if (url.scheme == "http") {
      conn->plain.emplace(std::move(socket));
      co_return conn;
    }
    conn->tls.emplace(beast::tcp_stream(std::move(socket)), tls);
    // SNI, and the certificate must name the host we meant (not merely chain to a trusted CA).
    if (!SSL_set_tlsext_host_name(conn->tls->native_handle(), url.host.c_str())) {
      throw HttpClientError("TLS setup failed");
    }
    conn->tls->set_verify_callback(ssl::host_name_verification(url.host));
    boost::system::error_code ec;
    conn->lowest().expires_after(options.timeout);
    co_await conn->tls->async_handshake(ssl::stream_base::client,
                                        asio::redirect_error(asio::use_awaitable, ec));
    if (ec) throw HttpClientError("TLS handshake with " + url.host + " failed: " + ec.message());
    co_return conn;
  }

  bhttp::request<bhttp::string_body> build(const HttpClientRequest& r, const ParsedUrl& url) const {
    bhttp::request<bhttp::string_body> req;
    req.method_string(r.method);
    req.target(url.target);
    req.version(11);
    req.set(bhttp::field::host, url.authority());
    req.set(bhttp::field::user_agent, options.user_agent);
    for (const auto& [k, v] : r.headers) req.set(k, v);
    req.keep_alive(true);
    req.body() = r.body;
    if (!r.body.empty() || r.method == "POST" || r.method == "PUT") req.prepare_payload();
    return req;
  }

  // One request and its answer. Sets `reusable` when the connection may carry another.
  template <class Stream>
  awaitable<HttpClientResponse> exchange(Stream& stream, beast::tcp_stream& lowest,
                                         bhttp::request<bhttp::string_body>& req, bool reused,
                                         bool& reusable, const HttpClientRequest& limits) {
    boost::system::error_code ec;
    lowest.expires_after(limits.timeout.value_or(options.timeout));
    co_await bhttp::async_write(stream, req, asio::redirect_error(asio::use_awaitable, ec));
    if (ec && reused) throw StaleConnection{};
    if (ec) throw HttpClientError("sending the request failed: " + ec.message());
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.header_limit(32 * 1024);
    // Beast's own limit (8 MB for responses) is lifted: the cap below is the one that holds.
    // (Not with boost::none: Boost 1.74 compares a declared length against an empty limit as
    // exceeding it.)
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    const std::size_t max = limits.max_response_bytes.value_or(options.max_response_bytes);
    // The cap is checked as the body arrives (declared length first, then what was read), so
    // a chunked or close-delimited answer cannot grow past it either.
    co_await bhttp::async_read_header(stream, buffer, parser,
                                      asio::redirect_error(asio::use_awaitable, ec));
    if (ec && reused && ec != beast::error::timeout && buffer.size() == 0) {
      throw StaleConnection{};
    }
    bool truncated = false;
    // Bytes of a declared-too-long body read past the parser: Beast's string body reserves the
    // whole declared length when the body starts, which a hostile server could set to anything.
    std::optional<std::string> raw_head;
    if (!ec) {
      auto declared = parser.content_length();
      if (declared && *declared > max && !limits.truncate) throw too_large(max);
      if (declared && *declared > max) {
        raw_head = co_await read_past_parser(stream, buffer, max, ec);
        truncated = true;
      }
      while (!raw_head && !parser.is_done() && !ec) {
        co_await bhttp::async_read_some(stream, buffer, parser,
                                        asio::redirect_error(asio::use_awaitable, ec));
        if (parser.get().body().size() > max) {
          if (!limits.truncate) throw too_large(max);
          truncated = true;
          break;
        }
      }
    }
    if (ec == beast::error::timeout) throw HttpClientError("the server did not answer in time");
    if (ec) throw HttpClientError("reading the response failed: " + ec.message());
    auto res = parser.release();
    reusable = res.keep_alive() && buffer.size() == 0 && !truncated;
    if (raw_head) res.body() = std::move(*raw_head);
    if (truncated && res.body().size() > max) res.body().resize(max);
    co_return to_response(res);
  }

  awaitable<HttpClientResponse> exchange(Connection& conn, bhttp::request<bhttp::string_body>& req,
                                         bool reused, bool& reusable,
                                         const HttpClientRequest& limits) {
    if (conn.plain) {
      co_return co_await exchange(*conn.plain, *conn.plain, req, reused, reusable, limits);
    }
    co_return co_await exchange(*conn.tls, conn.lowest(), req, reused, reusable, limits);
  }
};

HttpClient::HttpClient(HttpClientOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

HttpClient::~HttpClient() = default;

awaitable<HttpClientResponse> HttpClient::send(HttpClientRequest request) {
  auto url = parse_url(request.url);
  if (!url) throw HttpClientError("not an http(s) URL: " + request.url);
  auto executor = co_await asio::this_coro::executor;
  auto& pool = Impl::pool(executor);
  const std::string key = impl_->pool_key(*url);
  auto req = impl_->build(request, *url);
  for (int attempt = 0;; ++attempt) {
    // Only the first attempt may use a kept-alive connection; a retry always dials.
    std::unique_ptr<Connection> conn =
        attempt == 0 ? pool.take(key, impl_->options.idle_timeout) : nullptr;
    const bool reused = conn != nullptr;
    if (!conn) conn = co_await impl_->open(*url);
    bool reusable = false;
    bool stale = false;
    std::optional<HttpClientResponse> response;
    try {
      response = co_await impl_->exchange(*conn, req, reused, reusable, request);
    } catch (const StaleConnection&) {
      stale = true;
    }
    if (stale) continue;
    if (reusable) {
      pool.give_back(key, std::move(conn), impl_->options);
    } else if (conn->tls) {
      boost::system::error_code ec;
      conn->lowest().expires_after(std::chrono::seconds(2));
      co_await conn->tls->async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
    }
    co_return std::move(*response);
  }
}

namespace {

// Where a redirect's Location leads, resolved against the URL that answered; empty when it is
// not an http(s) URL or a path.
std::string redirect_target(const std::string& from, const std::string& location) {
  if (location.starts_with("https://") || location.starts_with("http://")) return location;
  auto scheme_end = from.find("://");
  if (scheme_end == std::string::npos) return "";
  if (location.starts_with("//")) return from.substr(0, scheme_end + 1) + location;
  if (location.starts_with("/")) {
    auto path = from.find('/', scheme_end + 3);
    return from.substr(0, path) + location;
  }
  return "";
}

}  // namespace

awaitable<HttpClientResponse> HttpClient::get_following_redirects(HttpClientRequest request,
                                                                  int max_redirects) {
  request.method = "GET";
  for (int hop = 0;; ++hop) {
    auto response = co_await send(request);
    response.url = request.url;
    const unsigned s = response.status;
    bool redirect = s == 301 || s == 302 || s == 303 || s == 307 || s == 308;
    if (!redirect || hop >= max_redirects) co_return response;
    auto next = redirect_target(request.url, response.header("Location").value_or(""));
    if (next.empty() || !parse_url(next)) co_return response;
    request.url = next;
  }
}

}  // namespace lox::net
