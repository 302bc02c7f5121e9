#include "db/tx_impl.hpp"

#include <loxodon/db/tag_repository.hpp>

namespace lox::db {

std::optional<domain::Tag> TagRepository::find(Tx& tx, const std::string& name,
                                               std::int64_t viewer) {
  auto r = tx.exec("tag_info", name, viewer);
  if (r.empty()) return std::nullopt;
  return domain::Tag{r[0][0].as<std::int64_t>(), r[0][1].as<std::string>(), r[0][2].as<bool>(),
                     r[0][3].as<bool>()};
}

std::int64_t TagRepository::ensure(Tx& tx, const std::string& name) {
  return tx.exec1("tag_upsert", name)[0].as<std::int64_t>();
}

void TagRepository::follow(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                           const std::string& name) {
  tx.exec("tag_follow", row_id, account_id, name);
}

void TagRepository::unfollow(Tx& tx, std::int64_t account_id, const std::string& name) {
  tx.exec("tag_unfollow", account_id, name);
}

std::vector<FollowedTag> TagRepository::followed(Tx& tx, std::int64_t account_id,
                                                 const domain::PageRequest& page) {
  std::vector<FollowedTag> out;
  for (const auto& row : tx.exec("followed_tags_page", account_id, page.max_id,
                                 page.min_id.value_or(page.since_id), page.limit)) {
    out.emplace_back(row[0].as<std::int64_t>(), row[1].as<std::string>());
  }
  return out;
}

void TagRepository::fan_out(Tx& tx, std::int64_t status_id) { tx.exec("fan_out_tags", status_id); }

void TagRepository::feature(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                            std::int64_t tag_id) {
  tx.exec("featured_tag_add", row_id, account_id, tag_id);
}

bool TagRepository::unfeature(Tx& tx, std::int64_t account_id, std::int64_t id) {
  return tx.exec("featured_tag_remove", account_id, id).affected_rows() == 1;
}

std::vector<domain::FeaturedTag> TagRepository::featured(Tx& tx, std::int64_t account_id) {
  std::vector<domain::FeaturedTag> out;
  for (const auto& row : tx.exec("featured_tags_of", account_id)) {
    domain::FeaturedTag f{row[0].as<std::int64_t>(), row[1].as<std::string>(),
                          row[2].as<std::int64_t>(), std::nullopt};
    if (!row[3].is_null()) f.last_status_at_ms = row[3].as<std::int64_t>();
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<std::string> TagRepository::feature_suggestions(Tx& tx, std::int64_t account_id) {
  std::vector<std::string> out;
  for (const auto& row : tx.exec("featured_tag_suggestions", account_id)) {
    out.push_back(row[0].as<std::string>());
  }
  return out;
}

}  // namespace lox::db
