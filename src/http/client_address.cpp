#include "http/client_address.hpp"

namespace lox::http::detail {

std::string peer_address(const boost::asio::ip::tcp::socket& socket) {
  boost::system::error_code ec;
  auto endpoint = socket.remote_endpoint(ec);
  std::string peer = ec ? std::string("unknown") : endpoint.address().to_string();
  if (peer.starts_with("::ffff:")) peer = peer.substr(7);
  return peer;
}

bool is_trusted(const std::vector<IpNetwork>& proxies, const std::string& address) {
  for (const auto& net : proxies) {
    if (net.contains(address)) return true;
  }
  return false;
}

void resolve_client(Request& req, const std::string& peer, const std::vector<IpNetwork>& proxies) {
  req.remote_address = peer;
  if (!is_trusted(proxies, peer)) return;
  if (auto xff = req.header("X-Forwarded-For")) {
    std::string_view list = *xff;
    // Walk from the right: the nearest untrusted hop is the client.
    while (!list.empty()) {
      auto comma = list.rfind(',');
      std::string_view hop = comma == std::string_view::npos ? list : list.substr(comma + 1);
      std::string addr(hop);
      addr.erase(0, addr.find_first_not_of(' '));
      addr.erase(addr.find_last_not_of(' ') + 1);
      // A hop that is not an address ends the walk: whatever stands left of it came from
      // the client and cannot be trusted.
      if (addr.empty() || !parse_ip_address(addr)) break;
      req.remote_address = addr;
      if (!is_trusted(proxies, addr)) break;
      if (comma == std::string_view::npos) break;
      list = list.substr(0, comma);
    }
  }
  if (auto proto = req.header("X-Forwarded-Proto")) {
    std::string_view p = proto->substr(0, proto->find(','));
    if (p == "https" || p == "http") req.scheme = std::string(p);
  }
}

std::size_t ConnectionCounts::try_add(const std::string& address, std::size_t max) {
  std::lock_guard lock(mutex_);
  std::size_t& count = counts_[address];
  std::size_t before = count;
  if (before < max) {
    ++count;
  } else if (before == 0) {
    counts_.erase(address);  // max 0: nothing to remember
  }
  return before;
}

void ConnectionCounts::remove(const std::string& address) {
  std::lock_guard lock(mutex_);
  auto it = counts_.find(address);
  if (it != counts_.end() && --it->second == 0) counts_.erase(it);
}

}  // namespace lox::http::detail
