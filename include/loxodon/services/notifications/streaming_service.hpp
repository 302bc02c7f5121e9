#pragma once

#include <loxodon/db/stream_repository.hpp>
#include <loxodon/domain/announcement.hpp>
#include <loxodon/domain/list_audience.hpp>
#include <loxodon/domain/stream_status_facts.hpp>
#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/services/instance/announcement_service.hpp>
#include <loxodon/services/notifications/notification_service.hpp>
#include <loxodon/services/statuses/conversation_service.hpp>
#include <loxodon/services/statuses/status_reader.hpp>
#include <loxodon/util/asio.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

// Who, among the candidates a process's subscriptions name, a status event reaches.
struct StatusAudience {
  std::vector<std::int64_t> home;            // accounts whose home feed has it
  std::vector<domain::ListAudience> lists;   // the lists it belongs on
  std::vector<std::int64_t> public_viewers;  // may see it on public and hashtag timelines
};

// The questions live streaming asks for each event, answered with the same rules as the REST
// timelines, and the renderings of what it delivers (per viewer, as the REST API would).
class StreamingService {
 public:
  StreamingService(db::Database& db, StatusReader& statuses, NotificationService& notifications,
                   ConversationService& conversations, AnnouncementService& announcements,
                   AuthService& auth);

  awaitable<std::optional<domain::StreamStatusFacts>> status_facts(std::int64_t status_id);
  awaitable<StatusAudience> status_audience(std::int64_t status_id,
                                            std::vector<std::int64_t> home_candidates,
                                            std::vector<std::int64_t> lists,
                                            std::vector<std::int64_t> public_candidates);
  awaitable<std::vector<SharedStatusPage>> render_status(std::int64_t status_id,
                                                         std::vector<std::int64_t> viewers,
                                                         domain::FilterContext context);
  // The notification as its recipient sees it; nothing when it is gone or filtered out.
  awaitable<std::optional<NotificationPage>> notification(std::int64_t account_id,
                                                          std::int64_t notification_id);
  // The conversations of `accounts` that the direct status `status_id` last changed.
  awaitable<std::vector<std::pair<std::int64_t, ConversationPage>>> conversations(
      std::int64_t status_id, std::vector<std::int64_t> accounts);
  awaitable<bool> owns_list(std::int64_t account_id, std::int64_t list_id);
  // An announcement as everyone sees it, and the count of one of its reactions.
  awaitable<std::optional<domain::Announcement>> announcement(std::int64_t id);
  awaitable<std::int64_t> reaction_count(std::int64_t announcement_id, std::string name);
  // Whether a stream's token still opens it: not revoked, and its user may still sign in.
  awaitable<bool> still_authorized(std::string access_token);

 private:
  db::Database& db_;
  StatusReader& statuses_;
  NotificationService& notifications_;
  ConversationService& conversations_;
  AnnouncementService& announcements_;
  AuthService& auth_;
};

}  // namespace lox::services
