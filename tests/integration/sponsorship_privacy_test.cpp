// The privacy promise of sponsored placements, kept by the schema: no table about sponsors,
// placements or their counters has a column that could point at a person. The test finds the
// tables by name, so a table added later is covered too, and the counters table must stay
// exactly four columns.
#include "test_database.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace lox {
namespace {

TEST(SponsorshipPrivacyTest, NoPlacementTableHasAColumnLinkingToAPerson) {
  testing::TestDatabase tdb;
  auto tables = tdb.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND "
      "(table_name LIKE '%sponsor%' OR table_name LIKE '%placement%') ORDER BY 1");
  std::vector<std::string> names;
  for (const auto& row : tables) names.push_back(row[0].as<std::string>());
  // The tables this promise covers today; a new one joins them by its name.
  for (const char* expected :
       {"sponsor_offers", "sponsored_placement_days", "sponsored_placements", "sponsors"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  }
  // Words that would tie a row to someone, matched against each part of a column's name
  // ("viewer_ip" has "ip"; "creative_description" has none).
  const std::set<std::string> personal = {
      "account", "accounts", "user",    "users",   "actor",       "person",  "people",
      "member",  "viewer",   "visitor", "ip",      "addr",        "address", "cookie",
      "session", "device",   "agent",   "referer", "referrer",    "email",   "token",
      "uuid",    "location", "country", "locale",  "fingerprint", "browser"};
  auto is_personal = [&](const std::string& column) {
    std::size_t start = 0;
    while (start <= column.size()) {
      auto end = column.find('_', start);
      if (end == std::string::npos) end = column.size();
      if (personal.contains(column.substr(start, end - start))) return true;
      start = end + 1;
    }
    return false;
  };
  for (const auto& table : names) {
    auto columns = tdb.query(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND "
        "table_name = '" +
        table + "'");
    ASSERT_FALSE(columns.empty()) << table;
    for (const auto& column : columns) {
      const std::string name = column[0].as<std::string>();
      // created_by names the staff member who entered a record, never anyone who saw it.
      if (name == "created_by") continue;
      EXPECT_FALSE(is_personal(name)) << table << "." << name;
    }
    // No foreign key from these tables reaches accounts or users.
    auto references = tdb.query(
        "SELECT ccu.table_name FROM information_schema.table_constraints tc JOIN "
        "information_schema.constraint_column_usage ccu ON ccu.constraint_name = "
        "tc.constraint_name WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = '" +
        table + "'");
    for (const auto& ref : references) {
      const std::string target = ref[0].as<std::string>();
      EXPECT_TRUE(target == "sponsors" || target == "sponsored_placements")
          << table << " references " << target;
    }
  }
  auto counters = tdb.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = "
      "'sponsored_placement_days' ORDER BY ordinal_position");
  std::vector<std::string> counter_columns;
  for (const auto& row : counters) counter_columns.push_back(row[0].as<std::string>());
  EXPECT_EQ(counter_columns,
            (std::vector<std::string>{"placement_id", "day", "impressions", "clicks"}));
}

}  // namespace
}  // namespace lox
