#include <loxodon/http/response_cache.hpp>

namespace lox::http {

ResponseCache::ResponseCache(std::chrono::milliseconds ttl, std::size_t max_entries)
    : ttl_(ttl), max_entries_(max_entries) {}

std::optional<Response> ResponseCache::get(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  if (it->second.expires <= std::chrono::steady_clock::now()) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.response;
}

void ResponseCache::put(const std::string& key, const Response& response) {
  if (response.status != 200) return;
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  if (entries_.size() >= max_entries_) {
    // Bounded memory whatever the queries: expired entries go first, then everything.
    std::erase_if(entries_, [&](const auto& e) { return e.second.expires <= now; });
    if (entries_.size() >= max_entries_) entries_.clear();
  }
  entries_.insert_or_assign(key, Entry{response, now + ttl_});
}

}  // namespace lox::http
