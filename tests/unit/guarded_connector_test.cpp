// The SSRF guard: which addresses count as public, and that a connection is opened only to an
// address that passed the check (every resolved address tried, in order).
#include <loxodon/net/address_policy.hpp>
#include <loxodon/net/guarded_connector.hpp>

#include <gtest/gtest.h>

namespace lox::net {
namespace {

AddressClass of(const char* text) { return classify_address(asio::ip::make_address(text)); }

TEST(AddressPolicy, ClassifiesIpv4) {
  EXPECT_EQ(of("93.184.216.34"), AddressClass::kPublic);
  EXPECT_EQ(of("8.8.8.8"), AddressClass::kPublic);
  EXPECT_EQ(of("127.0.0.1"), AddressClass::kLoopback);
  EXPECT_EQ(of("127.255.0.9"), AddressClass::kLoopback);
  EXPECT_EQ(of("0.0.0.0"), AddressClass::kUnspecified);
  EXPECT_EQ(of("10.1.2.3"), AddressClass::kPrivate);
  EXPECT_EQ(of("172.16.0.1"), AddressClass::kPrivate);
  EXPECT_EQ(of("172.31.255.255"), AddressClass::kPrivate);
  EXPECT_EQ(of("172.32.0.1"), AddressClass::kPublic);
  EXPECT_EQ(of("192.168.1.1"), AddressClass::kPrivate);
  EXPECT_EQ(of("100.64.0.1"), AddressClass::kPrivate);
  EXPECT_EQ(of("169.254.169.254"), AddressClass::kLinkLocal);  // cloud metadata
  EXPECT_EQ(of("224.0.0.1"), AddressClass::kMulticast);
  EXPECT_EQ(of("255.255.255.255"), AddressClass::kReserved);
  EXPECT_EQ(of("192.0.2.10"), AddressClass::kReserved);
  EXPECT_EQ(of("198.18.0.1"), AddressClass::kReserved);
}

TEST(AddressPolicy, ClassifiesIpv6AndIpv4InsideIt) {
  EXPECT_EQ(of("2a01:4f8::1"), AddressClass::kPublic);
  EXPECT_EQ(of("::1"), AddressClass::kLoopback);
  EXPECT_EQ(of("::"), AddressClass::kUnspecified);
  EXPECT_EQ(of("fd00::1"), AddressClass::kPrivate);
  EXPECT_EQ(of("fe80::1"), AddressClass::kLinkLocal);
  EXPECT_EQ(of("ff02::1"), AddressClass::kMulticast);
  EXPECT_EQ(of("2001:db8::1"), AddressClass::kReserved);
  EXPECT_EQ(of("::ffff:127.0.0.1"), AddressClass::kLoopback);
  EXPECT_EQ(of("::ffff:10.0.0.1"), AddressClass::kPrivate);
  EXPECT_EQ(of("::ffff:93.184.216.34"), AddressClass::kPublic);
  // Translation and tunnels could reach anything: refused whatever they carry.
  EXPECT_EQ(of("64:ff9b::169.254.169.254"), AddressClass::kReserved);
  EXPECT_EQ(of("64:ff9b::93.184.216.34"), AddressClass::kReserved);
  EXPECT_EQ(of("2002:7f00:1::"), AddressClass::kReserved);
  EXPECT_EQ(of("2001:0:4136:e378::1"), AddressClass::kReserved);  // Teredo
  EXPECT_EQ(of("2001:10::1"), AddressClass::kReserved);
  EXPECT_EQ(of("3fff::1"), AddressClass::kReserved);
  EXPECT_EQ(of("100::1"), AddressClass::kReserved);
}

// Runs a coroutine to completion and returns what it threw, if anything.
template <class F>
std::exception_ptr run(asio::io_context& io, F body) {
  std::exception_ptr error;
  asio::co_spawn(io, body(), [&](std::exception_ptr e) { error = e; });
  io.run();
  io.restart();
  return error;
}

TEST(GuardedConnector, RefusesLoopbackUnlessAllowedAndTriesEveryAddress) {
  asio::io_context io;
  // Listening on IPv4 loopback only: "localhost" resolves to ::1 first, which refuses.
  asio::ip::tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
  std::string port = std::to_string(acceptor.local_endpoint().port());

  GuardedConnector guarded(io.get_executor(), {});
  for (const char* host : {"localhost", "127.0.0.1", "[::1]", "::ffff:127.0.0.1"}) {
    auto error = run(io, [&]() -> awaitable<void> { co_await guarded.connect(host, port); });
    ASSERT_TRUE(error) << host;
    try {
      std::rethrow_exception(error);
    } catch (const BlockedAddressError& e) {
      EXPECT_NE(std::string(e.what()).find("not public"), std::string::npos);
    } catch (const std::exception& e) {
      ADD_FAILURE() << host << ": " << e.what();
    }
  }

  GuardedConnector allowed(io.get_executor(), {true, std::chrono::milliseconds(2000)});
  std::string peer;
  auto error = run(io, [&]() -> awaitable<void> {
    auto socket = co_await allowed.connect("localhost", port);
    peer = socket.remote_endpoint().address().to_string();
  });
  EXPECT_FALSE(error);
  EXPECT_EQ(peer, "127.0.0.1");

  // Nothing listening at all: a connection error, not a block.
  acceptor.close();
  error = run(io, [&]() -> awaitable<void> { co_await allowed.connect("127.0.0.1", port); });
  ASSERT_TRUE(error);
  EXPECT_THROW(std::rethrow_exception(error), ConnectError);
  error =
      run(io, [&]() -> awaitable<void> { co_await allowed.connect("no-such-host.invalid", "80"); });
  EXPECT_THROW(std::rethrow_exception(error), ConnectError);
}

}  // namespace
}  // namespace lox::net
