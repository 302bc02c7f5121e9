#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/conversation.hpp>
#include <loxodon/domain/page_request.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace lox::db {

// Direct messages grouped per local participant (Mastodon's account_conversations).
class ConversationRepository {
 public:
  // Files a new direct status with its author and every local mentioned account that neither
  // blocks nor mutes the author. Running it twice for one status changes nothing.
  static void add_status(Tx& tx, std::int64_t status_id);
  // Takes a deleted status out of every conversation; conversations left empty disappear.
  static void remove_status(Tx& tx, std::int64_t status_id);
  // Paged by last_status_id, newest first.
  static std::vector<domain::Conversation> page(Tx& tx, std::int64_t owner,
                                                const domain::PageRequest& page);
  static std::optional<domain::Conversation> get(Tx& tx, std::int64_t owner, std::int64_t id);
  static bool mark_read(Tx& tx, std::int64_t owner, std::int64_t id);
  static bool remove(Tx& tx, std::int64_t owner, std::int64_t id);
};

}  // namespace lox::db
