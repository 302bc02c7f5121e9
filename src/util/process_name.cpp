#include <loxodon/util/crypto.hpp>
#include <loxodon/util/process_name.hpp>

#include <unistd.h>

#include <array>

namespace lox {

std::string process_name(std::size_t random_bytes) {
  std::array<char, 256> host{};
  if (::gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  return std::string(host.data()) + ":" + std::to_string(::getpid()) + ":" +
         random_hex(random_bytes);
}

}  // namespace lox
