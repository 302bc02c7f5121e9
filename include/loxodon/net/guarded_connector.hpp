#pragma once

#include <loxodon/util/asio.hpp>

#include <boost/asio/ip/tcp.hpp>

#include <chrono>
#include <stdexcept>
#include <string>

namespace lox::net {

// Every address a name resolved to was one the server must not reach for someone else.
class BlockedAddressError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A name that did not resolve, or no address that accepted the connection in time.
class ConnectError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ConnectorOptions {
  // Loopback, private, link-local … allowed: LOXODON_ALLOW_PRIVATE_ADDRESSES (tests only).
  bool allow_private_addresses = false;
  std::chrono::milliseconds connect_timeout{10000};  // per address tried
};

// The one way the server opens outbound connections (SSRF guard): it resolves the name, then
// tries every address in the resolver's order — checking the very address it dials, so a name
// cannot resolve to a public address for the check and a private one for the connection —
// and skips those that are not public unless allowed. `localhost` yields ::1 before
// 127.0.0.1: both are tried.
class GuardedConnector {
 public:
  GuardedConnector(asio::any_io_executor executor, ConnectorOptions options);

  awaitable<asio::ip::tcp::socket> connect(std::string host, std::string port);

 private:
  asio::any_io_executor executor_;
  ConnectorOptions options_;
};

}  // namespace lox::net
