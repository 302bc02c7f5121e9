#pragma once

#include <loxodon/db/conversation_repository.hpp>
#include <loxodon/domain/conversation.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/services/statuses/status_reader.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace lox::services {

struct ConversationView {
  domain::Conversation row;
  std::vector<domain::Account>
      accounts;  // the other participants (the owner alone for notes to self)
  std::optional<domain::StatusView> last_status;
};

struct ConversationPage {
  std::vector<ConversationView> items;
  std::vector<std::int64_t> cursors;  // last_status_id of each item, for the Link header
  StatusPage statuses;                // what the serializer needs for the last statuses
};

// Direct messages grouped into conversations, as each participant sees them.
class ConversationService {
 public:
  ConversationService(db::Database& db, StatusReader& statuses);

  awaitable<ConversationPage> list(std::int64_t me, domain::PageRequest page);
  // One conversation as its owner sees it (throws not found).
  awaitable<ConversationPage> get(std::int64_t me, std::int64_t id);
  awaitable<ConversationPage> mark_read(std::int64_t me, std::int64_t id);
  awaitable<void> remove(std::int64_t me, std::int64_t id);

 private:
  awaitable<ConversationPage> render(std::int64_t me, std::vector<domain::Conversation> rows);

  db::Database& db_;
  StatusReader& statuses_;
};

}  // namespace lox::services
