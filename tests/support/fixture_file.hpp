#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace lox::testing {

// The bytes of tests/fixtures/<path> ("media/clip.mp4", "httpsig/keys/…"); empty when missing.
inline std::string fixture_file(const std::string& path) {
  std::ifstream in(std::string(LOXODON_FIXTURES_DIR) + "/" + path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace lox::testing
