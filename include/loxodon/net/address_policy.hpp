#pragma once

#include <loxodon/util/asio.hpp>

#include <boost/asio/ip/address.hpp>

#include <string_view>

namespace lox::net {

// What an IP address is, for deciding whether the server may connect to it on someone else's
// behalf (remote actors, media, link previews): only kPublic is reachable unless private
// addresses are allowed (tests and local development).
enum class AddressClass {
  kPublic,
  kUnspecified,  // 0.0.0.0/8, ::
  kLoopback,     // 127.0.0.0/8, ::1
  kPrivate,      // 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier NAT), fc00::/7
  kLinkLocal,    // 169.254/16 (cloud metadata lives here), fe80::/10
  kMulticast,    // 224/4, ff00::/8
  kReserved,     // documentation, benchmarking, 240/4, broadcast, 192.0.0/24, discard-only …
};

// IPv4 inside IPv6 (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d) is judged by the IPv4 address
// it carries; translation and tunnel prefixes (NAT64, 6to4, Teredo) are refused outright, as
// Mastodon's PrivateAddressCheck does.
AddressClass classify_address(const asio::ip::address& address);
std::string_view address_class_name(AddressClass c);

}  // namespace lox::net
