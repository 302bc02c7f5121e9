#pragma once

#include <loxodon/db/tx.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lox::streaming {

// A streaming event as it crosses processes: ids only (NOTIFY payloads are capped near 8 kB,
// and each process renders the payload for each of its own subscribers).
struct Event {
  enum class Kind {
    kUpdate,                // id: a status that reached home feeds, lists, public and tag streams
    kStatusUpdate,          // id: an edited status, routed as kUpdate
    kDelete,                // id: a deleted status, routed as kUpdate
    kNotification,          // id: the notification, account_id: its recipient
    kConversation,          // id: the direct status that changed its participants' conversations
    kFiltersChanged,        // account_id: whose filters changed
    kAnnouncement,          // id: a published announcement, for every user stream
    kAnnouncementDelete,    // id: a withdrawn announcement
    kAnnouncementReaction,  // id: the announcement, name: the emoji whose count changed
    kAccessRevoked,         // account_id: some of its tokens were revoked; streams re-check
  };
  Kind kind = Kind::kUpdate;
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string name;

  bool operator==(const Event&) const = default;
};

// Mastodon's event name ("status.update").
std::string_view event_name(Event::Kind kind);
std::string encode(const Event& event);
std::optional<Event> decode(std::string_view payload);

// Publishes the event in the caller's transaction: it is delivered when that commits.
void publish(db::Tx& tx, const Event& event);

}  // namespace lox::streaming
