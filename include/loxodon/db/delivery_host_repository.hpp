#pragma once

#include <loxodon/db/tx.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

struct DeliveryHostHealth {
  std::string host;  // host[:port], lower case
  int failure_days = 0;
  bool unavailable = false;
  std::optional<std::chrono::system_clock::time_point> last_failure_at;
  std::string last_failure;
  std::optional<std::chrono::system_clock::time_point> unavailable_since;
};

// Delivery health per remote host (Mastodon's DeliveryFailureTracker). Hosts that never failed,
// or succeeded since, have no row, so the common case costs one index probe.
class DeliveryHostRepository {
 public:
  // Failures on this many distinct UTC days with no success between make a host unavailable.
  static constexpr int kUnavailableAfterDays = 7;

  static std::optional<DeliveryHostHealth> find(Tx& tx, const std::string& host);
  // Records a failed attempt today; true when it is the one that made the host unavailable.
  static bool record_failure(Tx& tx, const std::string& host, const std::string& error);
  // A success, a signed request from the host or an admin: forget its failures.
  static bool clear(Tx& tx, const std::string& host);
  static std::vector<DeliveryHostHealth> list(Tx& tx);

  // Inboxes (shared where known) of remote accounts following or followed by `account`.
  static std::vector<std::string> related_inboxes(Tx& tx, std::int64_t account);
  // Every remote inbox this server knows (an account's Delete goes to all of them).
  static std::vector<std::string> all_inboxes(Tx& tx);

  // A remote account's avatar and header URLs (empty when none) and whether copies exist.
  struct RemoteImages {
    std::string avatar_url, header_url;
    bool avatar_cached = false, header_cached = false;
  };
  static RemoteImages remote_images(Tx& tx, std::int64_t account);
  static void set_remote_images(Tx& tx, std::int64_t account,
                                const std::optional<std::string>& avatar_url,
                                const std::optional<std::string>& header_url);

  // Removes up to `limit` old remote statuses nobody here interacted with; returns how many.
  static std::int64_t expire_remote_statuses(Tx& tx, int older_than_days, int limit);

  // The Follow activity id of a remote account's pending request, to answer it by.
  static void set_follow_request_uri(Tx& tx, std::int64_t requester, std::int64_t target,
                                     const std::string& uri);
  static std::optional<std::string> follow_request_uri(Tx& tx, std::int64_t requester,
                                                       std::int64_t target);
};

}  // namespace lox::db
