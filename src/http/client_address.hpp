#pragma once
// Who a connection and its requests come from: the peer's address, the client behind trusted
// proxies, and how many connections each address holds open.

#include <loxodon/http/request.hpp>
#include <loxodon/util/ip_network.hpp>

#include <boost/asio/ip/tcp.hpp>

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace lox::http::detail {

// The peer's address as limits and logs know it: an IPv4 client without its IPv6 mapping,
// "unknown" when the socket has none.
std::string peer_address(const boost::asio::ip::tcp::socket& socket);

bool is_trusted(const std::vector<IpNetwork>& proxies, const std::string& address);

// The client's address and scheme: from X-Forwarded-* only when the peer is a trusted proxy.
void resolve_client(Request& req, const std::string& peer, const std::vector<IpNetwork>& proxies);

// Open connections per address, for the limit on how many one address may hold. Connections
// open and close on every HTTP thread: the check and the count are one step under a lock.
class ConnectionCounts {
 public:
  // Counts one more connection from `address` unless it holds `max` already; the number it
  // held before.
  std::size_t try_add(const std::string& address, std::size_t max);
  void remove(const std::string& address);

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::size_t> counts_;
};

}  // namespace lox::http::detail
