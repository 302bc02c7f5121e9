#pragma once

#include <chrono>
#include <string>

namespace lox::http {

// X-RateLimit-Reset as Mastodon writes it: 2024-05-01T12:05:00.000000Z.
std::string rate_limit_reset_header(std::chrono::system_clock::time_point reset);

}  // namespace lox::http
