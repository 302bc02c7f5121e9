#include <loxodon/app/services.hpp>

namespace lox::app {

Services::Services(const config::Config& c, db::Database& d, asio::thread_pool& b)
    : config(c),
      db(d),
      blocking(b),
      mailer(c),
      instance(d),
      health(d),
      accounts(c, d, b, ids, mailer),
      auth(c, d, b, ids),
      statuses(c, d, ids),
      relationships(d, ids),
      notifications(d, statuses),
      lists(c, d, ids, statuses),
      tags(d, ids),
      conversations(d, statuses),
      scheduled(d, ids, statuses),
      filters(d, ids, statuses),
      media_store(c.media_dir),
      media(c, d, ids, media_store, b),
      announcements(c, d, ids),
      streaming(d, statuses, notifications, conversations, announcements, auth),
      actors(d) {}

}  // namespace lox::app
