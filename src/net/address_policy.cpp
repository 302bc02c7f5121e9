#include <loxodon/net/address_policy.hpp>

#include <array>
#include <cstdint>

namespace lox::net {

namespace {

struct V4Range {
  std::uint32_t network;
  int bits;
  AddressClass kind;
};

constexpr std::uint32_t ip4(unsigned a, unsigned b, unsigned c, unsigned d) {
  return (a << 24) | (b << 16) | (c << 8) | d;
}

// IANA's special-purpose IPv4 registry, most specific first where ranges nest.
constexpr std::array<V4Range, 17> kV4 = {{
    {ip4(0, 0, 0, 0), 8, AddressClass::kUnspecified},
    {ip4(10, 0, 0, 0), 8, AddressClass::kPrivate},
    {ip4(100, 64, 0, 0), 10, AddressClass::kPrivate},
    {ip4(127, 0, 0, 0), 8, AddressClass::kLoopback},
    {ip4(169, 254, 0, 0), 16, AddressClass::kLinkLocal},
    {ip4(172, 16, 0, 0), 12, AddressClass::kPrivate},
    {ip4(192, 0, 0, 0), 24, AddressClass::kReserved},
    {ip4(192, 0, 2, 0), 24, AddressClass::kReserved},
    {ip4(192, 88, 99, 0), 24, AddressClass::kReserved},
    {ip4(192, 168, 0, 0), 16, AddressClass::kPrivate},
    {ip4(198, 18, 0, 0), 15, AddressClass::kReserved},
    {ip4(198, 51, 100, 0), 24, AddressClass::kReserved},
    {ip4(203, 0, 113, 0), 24, AddressClass::kReserved},
    {ip4(224, 0, 0, 0), 4, AddressClass::kMulticast},
    {ip4(240, 0, 0, 0), 4, AddressClass::kReserved},  // includes 255.255.255.255
    {ip4(192, 31, 196, 0), 24, AddressClass::kReserved},
    {ip4(192, 175, 48, 0), 24, AddressClass::kReserved},
}};

AddressClass classify_v4(std::uint32_t a) {
  for (const auto& r : kV4) {
    std::uint32_t mask = r.bits == 0 ? 0 : ~std::uint32_t{0} << (32 - r.bits);
    if ((a & mask) == r.network) return r.kind;
  }
  return AddressClass::kPublic;
}

std::uint32_t v4_at(const asio::ip::address_v6::bytes_type& b, std::size_t at) {
  return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) |
         (std::uint32_t{b[at + 2]} << 8) | b[at + 3];
}

AddressClass classify_v6(const asio::ip::address_v6& a) {
  auto b = a.to_bytes();
  if (a.is_unspecified()) return AddressClass::kUnspecified;
  if (a.is_loopback()) return AddressClass::kLoopback;
  bool zero_prefix = true;
  for (int i = 0; i < 10; ++i) zero_prefix = zero_prefix && b[i] == 0;
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated).
  if (zero_prefix && ((b[10] == 0xff && b[11] == 0xff) || (b[10] == 0 && b[11] == 0))) {
    return classify_v4(v4_at(b, 12));
  }
  // Translation and tunnelling prefixes (NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4
  // 2002::/16) can lead anywhere, private networks included: refused outright, as Mastodon does.
  if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return AddressClass::kReserved;
  if (b[0] == 0x20 && b[1] == 0x02) return AddressClass::kReserved;
  // ORCHIDv1/v2 2001:10::/28 and 2001:20::/28, documentation 3fff::/20.
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && (b[3] & 0xf0) == 0x10)
    return AddressClass::kReserved;
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && (b[3] & 0xf0) == 0x20)
    return AddressClass::kReserved;
  if (b[0] == 0x3f && (b[1] & 0xf0) == 0xf0) return AddressClass::kReserved;
  if ((b[0] & 0xfe) == 0xfc) return AddressClass::kPrivate;                    // fc00::/7
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressClass::kLinkLocal;  // fe80::/10
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return AddressClass::kPrivate;  // fec0::/10 site-local
  if (b[0] == 0xff) return AddressClass::kMulticast;
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return AddressClass::kReserved;
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
    return AddressClass::kReserved;  // Teredo
  if (b[0] == 0x01 && b[1] == 0 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 &&
      b[7] == 0) {
    return AddressClass::kReserved;  // 100::/64 discard-only
  }
  return AddressClass::kPublic;
}

}  // namespace

AddressClass classify_address(const asio::ip::address& address) {
  if (address.is_v4()) return classify_v4(address.to_v4().to_uint());
  return classify_v6(address.to_v6());
}

std::string_view address_class_name(AddressClass c) {
  switch (c) {
    case AddressClass::kPublic:
      return "public";
    case AddressClass::kUnspecified:
      return "unspecified";
    case AddressClass::kLoopback:
      return "loopback";
    case AddressClass::kPrivate:
      return "private";
    case AddressClass::kLinkLocal:
      return "link-local";
    case AddressClass::kMulticast:
      return "multicast";
    case AddressClass::kReserved:
      return "reserved";
  }
  return "reserved";
}

}  // namespace lox::net
