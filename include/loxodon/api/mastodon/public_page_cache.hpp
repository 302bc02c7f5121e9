#pragma once

#include <loxodon/http/response.hpp>

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace lox::api::mastodon {

// A micro-cache for what logged-out readers ask of public timelines: the same request (path and
// query) within `ttl` gets the response rendered the first time. Logged-out pages carry nothing
// viewer-specific, so one rendering serves everyone; a new or deleted status shows up at most
// `ttl` late, as behind a caching proxy. Signed-in requests never use it.
class PublicPageCache {
 public:
  explicit PublicPageCache(std::chrono::milliseconds ttl, std::size_t max_entries = 256);

  std::optional<http::Response> get(const std::string& key);
  void put(const std::string& key, const http::Response& response);

 private:
  struct Entry {
    http::Response response;
    std::chrono::steady_clock::time_point expires;
  };

  const std::chrono::milliseconds ttl_;
  const std::size_t max_entries_;
  std::mutex mutex_;  // handlers run on several io threads
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace lox::api::mastodon
