#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/tag_repository.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/services/statuses/tag_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

#include <algorithm>
#include <cctype>

namespace lox::services {

namespace {
// The characters the status text parser accepts in a hashtag: ASCII letters, digits, '_' and
// any non-ASCII (UTF-8) byte, as valid UTF-8; at least one character that is not a digit; at
// most 100 bytes.
bool valid_tag(std::string_view name) {
  if (name.empty() || name.size() > 100 || !valid_utf8(name)) return false;
  bool non_digit = false;
  for (char c : name) {
    auto b = static_cast<unsigned char>(c);
    if (!(std::isalnum(b) || b == '_' || b >= 0x80)) return false;
    if (!std::isdigit(b)) non_digit = true;
  }
  return non_digit;
}
}  // namespace

TagService::TagService(db::Database& db, SnowflakeGenerator& ids) : db_(db), ids_(ids) {}

std::optional<std::string> TagService::normalized(std::string_view name) {
  if (!name.empty() && name.front() == '#') name.remove_prefix(1);
  if (!valid_tag(name)) return std::nullopt;
  return domain::lowercase(name);
}

std::string TagService::normalize(std::string_view name) {
  auto tag = normalized(name);
  if (!tag) throw Error(ErrorCode::kNotFound, "Record not found");
  return *tag;
}

awaitable<domain::Tag> TagService::get(std::string name, std::int64_t viewer) {
  std::string tag = normalize(name);
  auto row =
      co_await db_.read([&](db::Tx& tx) { return db::TagRepository::find(tx, tag, viewer); });
  if (!row) co_return domain::Tag{0, tag, false, false};
  co_return *row;
}

awaitable<domain::Tag> TagService::follow(std::int64_t me, std::string name) {
  std::string tag = normalize(name);
  std::int64_t row_id = ids_.next();
  co_return co_await db_.tx([&](db::Tx& tx) {
    db::TagRepository::ensure(tx, tag);
    db::TagRepository::follow(tx, row_id, me, tag);
    return *db::TagRepository::find(tx, tag, me);
  });
}

awaitable<domain::Tag> TagService::unfollow(std::int64_t me, std::string name) {
  std::string tag = normalize(name);
  auto row = co_await db_.tx([&](db::Tx& tx) {
    db::TagRepository::unfollow(tx, me, tag);
    return db::TagRepository::find(tx, tag, me);
  });
  if (!row) co_return domain::Tag{0, tag, false, false};
  co_return *row;
}

awaitable<FollowedTagPage> TagService::followed(std::int64_t me, domain::PageRequest page) {
  auto rows =
      co_await db_.read([&](db::Tx& tx) { return db::TagRepository::followed(tx, me, page); });
  FollowedTagPage out;
  for (auto& [cursor, name] : rows) {
    out.tags.push_back(domain::Tag{0, name, true, false});
    out.cursors.push_back(cursor);
  }
  co_return out;
}

awaitable<std::vector<domain::FeaturedTag>> TagService::featured(std::int64_t account_id) {
  co_return co_await db_.read(
      [&](db::Tx& tx) { return db::TagRepository::featured(tx, account_id); });
}

awaitable<std::pair<std::string, std::vector<domain::FeaturedTag>>> TagService::featured_of(
    std::int64_t account_id) {
  auto result = co_await db_.read(
      [&](db::Tx& tx) -> std::optional<std::pair<std::string, std::vector<domain::FeaturedTag>>> {
        auto account = db::AccountRepository::find(tx, account_id);
        if (!account || account->suspended_at) return std::nullopt;
        return std::make_pair(account->username, db::TagRepository::featured(tx, account_id));
      });
  if (!result) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return std::move(*result);
}

awaitable<domain::FeaturedTag> TagService::feature(std::int64_t me, std::string name) {
  std::string tag(name);
  if (!tag.empty() && tag.front() == '#') tag.erase(0, 1);
  if (!valid_tag(tag)) {
    ValidationErrors errors;
    errors.add("name", "Name", "ERR_INVALID", "is invalid");
    errors.throw_if_any();
  }
  tag = domain::lowercase(tag);
  std::int64_t row_id = ids_.next();
  auto result = co_await db_.tx([&](db::Tx& tx) -> std::optional<domain::FeaturedTag> {
    auto current = db::TagRepository::featured(tx, me);
    for (const auto& f : current) {
      if (f.name == tag) return f;  // featuring twice is not an error
    }
    if (static_cast<int>(current.size()) >= kMaxFeaturedTags) return std::nullopt;
    db::TagRepository::feature(tx, row_id, me, db::TagRepository::ensure(tx, tag));
    for (const auto& f : db::TagRepository::featured(tx, me)) {
      if (f.name == tag) return f;
    }
    return std::nullopt;
  });
  if (!result) {
    ValidationErrors errors;
    errors.add("base", "Base", "ERR_INVALID",
               "You can only feature up to " + std::to_string(kMaxFeaturedTags) + " hashtags");
    errors.throw_if_any();
  }
  co_return *result;
}

awaitable<void> TagService::unfeature(std::int64_t me, std::int64_t id) {
  bool removed =
      co_await db_.tx([&](db::Tx& tx) { return db::TagRepository::unfeature(tx, me, id); });
  if (!removed) throw Error(ErrorCode::kNotFound, "Record not found");
}

awaitable<std::vector<domain::Tag>> TagService::feature_suggestions(std::int64_t me) {
  co_return co_await db_.read([&](db::Tx& tx) {
    std::vector<domain::Tag> out;
    for (const auto& name : db::TagRepository::feature_suggestions(tx, me)) {
      if (auto row = db::TagRepository::find(tx, name, me)) out.push_back(*row);
    }
    return out;
  });
}

}  // namespace lox::services
