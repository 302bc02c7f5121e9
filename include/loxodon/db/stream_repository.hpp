#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/list_audience.hpp>
#include <loxodon/domain/stream_status_facts.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lox::db {

// A participant's conversation whose last status is the one being streamed.
struct ConversationAudience {
  std::int64_t account_id = 0;
  std::int64_t conversation_id = 0;
};

// Publishing streaming events (PostgreSQL NOTIFY) and answering, for one event, which of a
// process's subscribers it reaches. Every question takes the candidates and returns the subset.
class StreamRepository {
 public:
  // Sent to every listening process when the transaction commits; nothing if it rolls back.
  static void publish(Tx& tx, const std::string& payload);

  static std::optional<domain::StreamStatusFacts> status_facts(Tx& tx, std::int64_t status_id);
  static std::vector<std::int64_t> home_audience(Tx& tx, std::int64_t status_id,
                                                 const std::vector<std::int64_t>& accounts);
  // The lists among `lists` the status belongs on.
  static std::vector<domain::ListAudience> list_audience(Tx& tx, std::int64_t status_id,
                                                         const std::vector<std::int64_t>& lists);
  static std::vector<std::int64_t> public_audience(Tx& tx, std::int64_t status_id,
                                                   const std::vector<std::int64_t>& accounts);
  // The viewers among `viewers` for whom statuses `ids` (a status, then the original it boosts)
  // render differently than for a viewer with no relation to them.
  static std::vector<std::int64_t> personal_viewers(Tx& tx, const std::vector<std::int64_t>& ids,
                                                    const std::vector<std::int64_t>& viewers);
  // The conversations of `accounts` whose last status is this.
  static std::vector<ConversationAudience> conversation_audience(
      Tx& tx, std::int64_t status_id, const std::vector<std::int64_t>& accounts);
  static bool owns_list(Tx& tx, std::int64_t account_id, std::int64_t list_id);
};

}  // namespace lox::db
