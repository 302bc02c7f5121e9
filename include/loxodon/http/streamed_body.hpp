#pragma once

#include <loxodon/util/asio.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace lox::http {

// A response body the server reads a part at a time while it sends it (media files), so a
// large file is never held whole in memory. `read` gives `length` bytes at `offset` (fewer
// only at the end) and runs its file work off the io threads; if it throws or comes up short,
// the connection is closed, since the status line has gone already.
struct StreamedBody {
  std::uint64_t length = 0;
  std::function<awaitable<std::string>(std::uint64_t offset, std::size_t length)> read;
};

}  // namespace lox::http
