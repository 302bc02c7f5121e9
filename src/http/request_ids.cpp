#include <loxodon/http/request_ids.hpp>

#include <algorithm>
#include <cstdio>
#include <random>

namespace lox::http {

RequestIds::RequestIds() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t seed = std::random_device{}();
  for (int i = 0; i < 8; ++i) {
    prefix_.push_back(kHex[seed & 0xf]);
    seed >>= 4;
  }
}

bool RequestIds::acceptable(std::string_view id) {
  if (id.empty() || id.size() > kMaxLength) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

std::string RequestIds::for_request(std::optional<std::string_view> incoming) {
  if (incoming && acceptable(*incoming)) return std::string(*incoming);
  return next();
}

std::string RequestIds::next() {
  char buf[40];
  std::snprintf(
      buf, sizeof buf, "%s%08llx", prefix_.c_str(),
      static_cast<unsigned long long>(count_.fetch_add(1, std::memory_order_relaxed) + 1));
  return buf;
}

}  // namespace lox::http
