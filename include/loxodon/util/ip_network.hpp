#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lox {

// An IPv4 or IPv6 network in CIDR form ("10.0.0.0/8", "::1/128", or a bare address). IPv4
// addresses are held as IPv4-mapped IPv6 so that "127.0.0.1" and "::ffff:127.0.0.1" compare equal.
class IpNetwork {
 public:
  static std::optional<IpNetwork> parse(std::string_view text);

  bool contains(std::string_view address) const;
  std::string to_string() const { return text_; }

 private:
  std::array<std::uint8_t, 16> bytes_{};
  int prefix_bits_ = 128;
  std::string text_;
};

// 127.0.0.0/8 or ::1 (also as IPv4-mapped): local tools, exempt from rate limits by default.
bool is_loopback_address(std::string_view address);

// The unit a client controls, for throttling: an IPv4 address itself, an IPv6 address's /64
// (written as its network address). Anything else is returned unchanged.
std::string throttle_key(std::string_view address);

// Parses an address into its 16-byte IPv6 (or IPv4-mapped) form; nullopt when not an address.
std::optional<std::array<std::uint8_t, 16>> parse_ip_address(std::string_view text);

}  // namespace lox
