#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace lox {

// Time-ordered 64-bit ids in Mastodon's layout: milliseconds since the Unix epoch in the high 48
// bits, so ids sort by creation time and fit JSON as strings. The low 16 bits are this process's
// node (6 bits) and a per-millisecond sequence (10 bits): processes that make ids in the same
// millisecond differ in their node, so they never collide, on one machine or many.
//
// A process that shares its database with others leases its node there (services::IdNodeLease)
// and calls require_lease() first: until a lease is granted, and after the last one granted has
// run out, next() refuses rather than risk another process's node. Without require_lease() the
// generator uses node 0, which is never leased: for tools and tests with a database of their own.
class SnowflakeGenerator {
 public:
  static constexpr int kNodeBits = 6;
  static constexpr int kSequenceBits = 10;
  static constexpr int kMaxNode = (1 << kNodeBits) - 1;

  std::int64_t next();
  std::int64_t next_at(std::chrono::system_clock::time_point now);

  void require_lease();
  // Ids carry `node` from now on, until `valid_until` unless leased again before.
  void lease(int node, std::chrono::steady_clock::time_point valid_until);
  std::optional<int> node() const;

  static std::int64_t min_for(std::chrono::system_clock::time_point at);
  static std::chrono::system_clock::time_point time_of(std::int64_t id);

 private:
  mutable std::mutex mutex_;
  std::int64_t last_ms_ = 0;
  std::int64_t sequence_ = 0;
  int node_ = 0;
  bool lease_required_ = false;
  std::optional<std::chrono::steady_clock::time_point> valid_until_;
};

}  // namespace lox
