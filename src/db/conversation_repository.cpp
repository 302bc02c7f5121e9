#include "db/paged_statement.hpp"
#include "db/pg_array.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/conversation_repository.hpp>

namespace lox::db {

namespace {
domain::Conversation read_conversation(const pqxx::row& row) {
  return {row[0].as<std::int64_t>(), from_pg_bigint_array(row[1].as<std::string>()),
          row[2].as<std::int64_t>(), row[3].as<bool>()};
}
}  // namespace

void ConversationRepository::add_status(Tx& tx, std::int64_t status_id) {
  tx.exec("conversation_add", status_id);
}

void ConversationRepository::remove_status(Tx& tx, std::int64_t status_id) {
  tx.exec("conversation_remove_status", status_id);
  tx.exec("conversation_drop_empty", status_id);
}

std::vector<domain::Conversation> ConversationRepository::page(Tx& tx, std::int64_t owner,
                                                               const domain::PageRequest& p) {
  return paged<domain::Conversation>(tx, "conversations_page", "conversations_page_up", p,
                                     read_conversation, owner);
}

std::optional<domain::Conversation> ConversationRepository::get(Tx& tx, std::int64_t owner,
                                                                std::int64_t id) {
  auto r = tx.exec("conversation_get", owner, id);
  if (r.empty()) return std::nullopt;
  return read_conversation(r[0]);
}

bool ConversationRepository::mark_read(Tx& tx, std::int64_t owner, std::int64_t id) {
  return tx.exec("conversation_read", owner, id).affected_rows() == 1;
}

bool ConversationRepository::remove(Tx& tx, std::int64_t owner, std::int64_t id) {
  return tx.exec("conversation_delete", owner, id).affected_rows() == 1;
}

}  // namespace lox::db
