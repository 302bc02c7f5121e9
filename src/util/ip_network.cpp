#include <loxodon/util/ip_network.hpp>

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace lox {

std::optional<std::array<std::uint8_t, 16>> parse_ip_address(std::string_view text) {
  std::string s(text);
  // Bracketed IPv6 as it appears in URLs and some proxy headers.
  if (s.size() > 2 && s.front() == '[' && s.back() == ']') s = s.substr(1, s.size() - 2);
  std::array<std::uint8_t, 16> out{};
  in_addr v4{};
  if (inet_pton(AF_INET, s.c_str(), &v4) == 1) {
    out[10] = 0xff;
    out[11] = 0xff;
    std::memcpy(out.data() + 12, &v4, 4);
    return out;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, s.c_str(), &v6) == 1) {
    std::memcpy(out.data(), &v6, 16);
    return out;
  }
  return std::nullopt;
}

std::optional<IpNetwork> IpNetwork::parse(std::string_view text) {
  IpNetwork net;
  net.text_ = std::string(text);
  std::string_view address = text;
  std::optional<int> prefix;
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    address = text.substr(0, slash);
    std::string_view bits = text.substr(slash + 1);
    int value = -1;
    auto [ptr, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), value);
    if (ec != std::errc{} || ptr != bits.data() + bits.size()) return std::nullopt;
    prefix = value;
  }
  auto bytes = parse_ip_address(address);
  if (!bytes) return std::nullopt;
  bool is_v4 = address.find(':') == std::string_view::npos;
  int max_bits = is_v4 ? 32 : 128;
  int bits = prefix.value_or(max_bits);
  if (bits < 0 || bits > max_bits) return std::nullopt;
  net.bytes_ = *bytes;
  net.prefix_bits_ = is_v4 ? bits + 96 : bits;
  return net;
}

bool IpNetwork::contains(std::string_view address) const {
  auto bytes = parse_ip_address(address);
  if (!bytes) return false;
  int remaining = prefix_bits_;
  for (std::size_t i = 0; i < 16 && remaining > 0; ++i, remaining -= 8) {
    std::uint8_t mask = remaining >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - remaining));
    if (((*bytes)[i] & mask) != (bytes_[i] & mask)) return false;
  }
  return true;
}

std::string throttle_key(std::string_view address) {
  auto bytes = parse_ip_address(address);
  if (!bytes) return std::string(address);
  bool v4 = (*bytes)[10] == 0xff && (*bytes)[11] == 0xff &&
            std::all_of(bytes->begin(), bytes->begin() + 10, [](std::uint8_t b) { return b == 0; });
  if (v4) {
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, bytes->data() + 12, buf, sizeof buf);
    return buf;
  }
  std::array<std::uint8_t, 16> net{};
  std::copy(bytes->begin(), bytes->begin() + 8, net.begin());
  char buf[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, net.data(), buf, sizeof buf);
  return buf;
}

bool is_loopback_address(std::string_view address) {
  static const auto v4 = *IpNetwork::parse("127.0.0.0/8");
  static const auto v6 = *IpNetwork::parse("::1/128");
  return v4.contains(address) || v6.contains(address);
}

}  // namespace lox
