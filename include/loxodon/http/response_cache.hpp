#pragma once

#include <loxodon/http/response.hpp>

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace lox::http {

// A micro-cache for responses that are the same for everyone who asks (logged-out public
// timelines, actor documents, WebFinger): the same request key within `ttl` gets the response
// rendered the first time, so a change shows up at most `ttl` late, as behind a caching proxy.
// Only 200s are kept. Nothing viewer-specific may go through it.
class ResponseCache {
 public:
  explicit ResponseCache(std::chrono::milliseconds ttl, std::size_t max_entries = 256);

  std::optional<Response> get(const std::string& key);
  void put(const std::string& key, const Response& response);

 private:
  struct Entry {
    Response response;
    std::chrono::steady_clock::time_point expires;
  };

  const std::chrono::milliseconds ttl_;
  const std::size_t max_entries_;
  std::mutex mutex_;  // handlers run on several io threads
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace lox::http
