// Remote content retention: old remote statuses that nobody here interacted with go; every kind
// of local interaction keeps one, and recent ones and local ones are never touched.
#include "app_harness.hpp"
#include "tx_sql.hpp"

#include <loxodon/services/instance/maintenance_service.hpp>

#include <gtest/gtest.h>

namespace lox {
namespace {

using lox::testing::AppHarness;
using lox::testing::exec_sql;

class RemoteRetentionTest : public ::testing::Test {
 protected:
  RemoteRetentionTest() : alice_(h_.create_user("alice")) {
    sql("INSERT INTO accounts (id, username, domain, uri, inbox_url) VALUES (900, 'zed', "
        "'remote.example', 'https://remote.example/users/zed', "
        "'https://remote.example/users/zed/inbox')");
  }
  void sql(const std::string& text) {
    h_.db.tx_sync([&](db::Tx& tx) { exec_sql(tx, text); });
  }
  // A status of zed (remote) or alice (local), `days` old.
  void status(std::int64_t id, int days, bool local = false, const std::string& extra_cols = "",
              const std::string& extra_vals = "") {
    sql("INSERT INTO statuses (id, account_id, local, uri, created_at" + extra_cols + ") VALUES (" +
        std::to_string(id) + ", " +
        (local ? std::to_string(alice_.account.id) : std::string("900")) + ", " +
        (local ? "true" : "false") + ", 'https://x.example/s/" + std::to_string(id) +
        "', now() - interval '" + std::to_string(days) + " days'" + extra_vals + ")");
  }
  std::vector<std::int64_t> remaining() {
    std::vector<std::int64_t> ids;
    for (const auto& row : h_.tdb.query("SELECT id FROM statuses ORDER BY id")) {
      ids.push_back(row[0].as<std::int64_t>());
    }
    return ids;
  }
  std::int64_t expire(int days, int batch = 100) {
    return h_.db.tx_sync([&](db::Tx& tx) {
      return services::MaintenanceService::expire_remote_content(tx, days, batch);
    });
  }

  AppHarness h_;
  domain::UserWithAccount alice_;
};

TEST_F(RemoteRetentionTest, OnlyOldRemoteStatusesNobodyHereUsedGo) {
  const std::string me = std::to_string(alice_.account.id);
  status(1, 40);                                      // old, untouched: goes
  status(2, 5);                                       // recent: stays
  status(3, 40);                                      // favourited by alice
  status(4, 40);                                      // bookmarked
  status(5, 40);                                      // boosted by alice
  status(6, 40);                                      // replied to by alice
  status(7, 40);                                      // mentions alice
  status(8, 40);                                      // pinned (by its author, as a remote pin)
  status(20, 40, true);                               // a local status: never
  status(9, 40, false, ", reblog_of_id", ", 20");     // a remote boost of alice's post
  status(10, 40, false, ", in_reply_to_id", ", 20");  // a remote reply to alice's post
  status(11, 40);                                     // old and untouched: goes
  sql("INSERT INTO favourites (id, account_id, status_id) VALUES (1, " + me + ", 3)");
  sql("INSERT INTO bookmarks (id, account_id, status_id) VALUES (1, " + me + ", 4)");
  status(30, 1, true, ", reblog_of_id", ", 5");
  status(31, 1, true, ", in_reply_to_id", ", 6");
  sql("INSERT INTO mentions (status_id, account_id) VALUES (7, " + me + ")");
  sql("INSERT INTO status_pins (account_id, status_id) VALUES (900, 8)");

  EXPECT_EQ(expire(0), 0);  // retention off
  EXPECT_EQ(remaining().size(), 14u);
  EXPECT_EQ(expire(30), 2);
  EXPECT_EQ(remaining(), (std::vector<std::int64_t>{2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 31}));
  EXPECT_EQ(expire(30), 0);  // nothing more to do
}

TEST_F(RemoteRetentionTest, WorksInBatches) {
  for (int i = 1; i <= 7; ++i) status(i, 40);
  EXPECT_EQ(expire(30, 3), 3);
  EXPECT_EQ(expire(30, 3), 3);
  EXPECT_EQ(expire(30, 3), 1);
  EXPECT_TRUE(remaining().empty());
}

}  // namespace
}  // namespace lox
