#include <loxodon/net/address_policy.hpp>
#include <loxodon/net/guarded_connector.hpp>

#include <utility>

namespace lox::net {

using tcp = asio::ip::tcp;

GuardedConnector::GuardedConnector(asio::any_io_executor executor, ConnectorOptions options)
    : executor_(std::move(executor)), options_(options) {}

awaitable<tcp::socket> GuardedConnector::connect(std::string host, std::string port) {
  // An IPv6 literal may come bracketed, as in a URL.
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  tcp::resolver resolver(executor_);
  boost::system::error_code ec;
  auto results =
      co_await resolver.async_resolve(host, port, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) throw ConnectError("cannot resolve " + host + ": " + ec.message());
  std::string blocked, failed;
  for (const auto& entry : results) {
    auto endpoint = entry.endpoint();
    auto kind = classify_address(endpoint.address());
    if (kind != AddressClass::kPublic && !options_.allow_private_addresses) {
      blocked += (blocked.empty() ? "" : ", ") + endpoint.address().to_string() + " (" +
                 std::string(address_class_name(kind)) + ")";
      continue;
    }
    tcp::socket socket(executor_);
    asio::steady_timer timer(executor_);
    timer.expires_after(options_.connect_timeout);
    bool timed_out = false;
    timer.async_wait([&](boost::system::error_code e) {
      if (!e) {
        timed_out = true;
        boost::system::error_code ignored;
        socket.cancel(ignored);
      }
    });
    ec = {};
    co_await socket.async_connect(endpoint, asio::redirect_error(asio::use_awaitable, ec));
    timer.cancel();
    if (!ec) co_return socket;
    failed += (failed.empty() ? "" : ", ") + endpoint.address().to_string() + ": " +
              (timed_out ? std::string("timed out") : ec.message());
  }
  if (failed.empty() && !blocked.empty()) {
    throw BlockedAddressError("refusing to connect to " + host + ": it resolves only to " +
                              "addresses that are not public (" + blocked + ")");
  }
  throw ConnectError("cannot connect to " + host + ":" + port + " (" + failed +
                     (blocked.empty() ? "" : "; not tried: " + blocked) + ")");
}

}  // namespace lox::net
