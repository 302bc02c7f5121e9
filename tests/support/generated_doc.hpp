#pragma once

// Documents generated from the running code (docs/routes.md, docs/jobs.md): each test builds the
// text, compares it with the committed file, and writes the file afresh when asked to.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace lox::testing {

inline const std::filesystem::path kSourceDir = LOXODON_SOURCE_DIR;

// `file` relative to the source tree (as the docs name files), or unchanged when outside it.
inline std::string relative_to_source(const std::string& file) {
  auto relative = std::filesystem::path(file).lexically_relative(kSourceDir).generic_string();
  return relative.empty() || relative.starts_with("..") ? file : relative;
}

inline std::string read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Fails unless docs/`name` holds `generated`; with `write_variable`=1 in the environment, writes
// it first. `how_to_write` is the command that says so in the failure.
inline void expect_committed_doc(const std::string& name, const std::string& generated,
                                 const char* write_variable, const std::string& how_to_write) {
  const auto committed = kSourceDir / "docs" / name;
  if (const char* write = std::getenv(write_variable); write && *write == '1') {
    std::ofstream(committed, std::ios::binary) << generated;
  }
  EXPECT_EQ(read_whole_file(committed), generated)
      << "docs/" << name << " is stale: " << how_to_write;
}

}  // namespace lox::testing
