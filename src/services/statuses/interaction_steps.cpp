#include <loxodon/db/database.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/services/notifications/notify_job.hpp>
#include <loxodon/services/statuses/fan_out_job.hpp>
#include <loxodon/services/statuses/interaction_steps.hpp>

namespace lox::services {

bool add_favourite(db::Tx& tx, std::int64_t row_id, std::int64_t account_id, std::int64_t status_id,
                   std::int64_t author) {
  if (!db::StatusRepository::favourite(tx, row_id, account_id, status_id)) return false;
  db::StatusRepository::bump_favourites(tx, status_id, 1);
  enqueue_notification(tx, author, account_id, "favourite", status_id);
  return true;
}

bool remove_favourite(db::Tx& tx, std::int64_t account_id, std::int64_t status_id) {
  if (!db::StatusRepository::unfavourite(tx, account_id, status_id)) return false;
  db::StatusRepository::bump_favourites(tx, status_id, -1);
  return true;
}

bool may_boost(const domain::Status& original, std::int64_t booster) {
  return original.visibility != domain::Visibility::kDirect &&
         (original.visibility != domain::Visibility::kPrivate || original.account_id == booster);
}

void boost_added(db::Tx& tx, std::int64_t boost_id, std::int64_t booster, std::int64_t original_id,
                 std::int64_t original_author) {
  db::StatusRepository::bump_reblogs(tx, original_id, 1);
  enqueue_notification(tx, original_author, booster, "reblog", original_id);
  enqueue_fan_out(tx, boost_id);
}

}  // namespace lox::services
