#include <loxodon/activitypub/actor_documents.hpp>
#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/db/tag_repository.hpp>
#include <loxodon/services/federation/actor_service.hpp>

#include <map>

namespace lox::services {

ActorService::ActorService(const config::Config& config, db::Database& db, StatusReader& statuses,
                           TimelineService& timelines)
    : config_(config), db_(db), statuses_(statuses), timelines_(timelines) {}

awaitable<std::optional<domain::StatusView>> ActorService::public_status(std::string username,
                                                                         std::int64_t id) {
  auto actor = co_await local(username);
  if (!actor || actor->account.suspended_at) co_return std::nullopt;
  // Viewer 0: what a logged-out reader may see, so followers-only and direct stay hidden.
  std::vector<std::int64_t> ids{id};
  auto views = co_await statuses_.many(ids, 0);
  if (views.empty() || views[0].status.account_id != actor->account.id ||
      views[0].status.reblog_of_id || views[0].status.visibility > domain::Visibility::kUnlisted) {
    co_return std::nullopt;
  }
  co_return views[0];
}

awaitable<StatusPage> ActorService::outbox_page(std::int64_t account_id, std::int64_t max_id) {
  domain::PageRequest page;
  page.max_id = max_id;
  page.limit = 20;
  co_return co_await timelines_.account_statuses(0, account_id, false, false, false, page);
}

awaitable<std::optional<LocalActor>> ActorService::local(std::string username) {
  co_return co_await db_.read([&](db::Tx& tx) -> std::optional<LocalActor> {
    auto account = db::AccountRepository::find_by_acct(tx, username, std::nullopt);
    if (!account || !account->local()) return std::nullopt;
    return LocalActor{*account, db::AccountRepository::public_key_pem(tx, account->id)};
  });
}

awaitable<StatusPage> ActorService::featured(std::int64_t account_id) {
  // As a logged-out reader sees them; followers-only and direct pins stay out.
  auto page = co_await timelines_.pinned(0, account_id);
  std::erase_if(page.statuses, [](const domain::StatusView& v) {
    return v.status.visibility != domain::Visibility::kPublic &&
           v.status.visibility != domain::Visibility::kUnlisted;
  });
  co_return page;
}

awaitable<std::vector<std::string>> ActorService::featured_tags(std::int64_t account_id) {
  auto rows =
      co_await db_.read([&](db::Tx& tx) { return db::TagRepository::featured(tx, account_id); });
  std::vector<std::string> names;
  for (const auto& r : rows) names.push_back(r.name);
  co_return names;
}

awaitable<std::vector<nlohmann::json>> ActorService::activities(const domain::Account& author,
                                                                const StatusPage& page) {
  // Parents' ids and mentioned actors' ids come from the database in one read.
  std::map<std::int64_t, std::string> parents;
  std::map<std::int64_t, activitypub::NoteMention> actors;
  co_await db_.read([&](db::Tx& tx) {
    for (const auto& view : page.statuses) {
      if (auto parent_id = view.status.in_reply_to_id; parent_id && !parents.count(*parent_id)) {
        auto parent = db::StatusRepository::find(tx, *parent_id);
        if (parent && parent->uri) parents[*parent_id] = *parent->uri;
      }
      for (const auto& m : view.mentions) {
        if (actors.count(m.account_id)) continue;
        auto account = db::AccountRepository::find(tx, m.account_id);
        if (!account) continue;
        std::string uri =
            account->domain ? account->uri.value_or("") : config_.actor_url(account->username);
        std::string name =
            "@" + account->username + (account->domain ? "@" + *account->domain : "");
        if (!uri.empty()) actors[m.account_id] = {uri, name};
      }
    }
  });
  std::vector<nlohmann::json> out;
  for (const auto& view : page.statuses) {
    if (view.status.reblog_of_id) {
      auto original = page.reblogged.find(*view.status.reblog_of_id);
      if (original == page.reblogged.end() || !original->second.status.uri) continue;
      const auto& original_author = original->second.account;
      out.push_back(activitypub::announce_activity(
          config_, author, view.status.uri.value_or(""), *original->second.status.uri,
          original_author.domain ? original_author.uri.value_or("")
                                 : config_.actor_url(original_author.username)));
      continue;
    }
    activitypub::NoteContext note;
    for (const auto& m : view.mentions) {
      if (auto it = actors.find(m.account_id); it != actors.end()) {
        note.mentions.push_back(it->second);
      }
    }
    if (view.status.in_reply_to_id) {
      if (auto it = parents.find(*view.status.in_reply_to_id); it != parents.end()) {
        note.in_reply_to = it->second;
      }
    }
    note.media = view.media;
    note.poll = view.poll;
    note.hashtags = view.tags;
    note.emojis = view.emojis;
    out.push_back(activitypub::create_note_activity(config_, author, view.status, note));
  }
  co_return out;
}

awaitable<std::vector<std::pair<std::int64_t, std::string>>> ActorService::relation_page(
    std::int64_t account_id, bool followers, std::int64_t max_cursor) {
  domain::PageRequest page;
  page.max_id = max_cursor;
  page.limit = 40;
  co_return co_await db_.read([&](db::Tx& tx) {
    auto rows = followers ? db::SocialRepository::followers(tx, account_id, page)
                          : db::SocialRepository::following(tx, account_id, page);
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const auto& [cursor, id] : rows) {
      auto a = db::AccountRepository::find(tx, id);
      if (!a || a->suspended_at) continue;
      std::string uri = a->domain ? a->uri.value_or("") : config_.actor_url(a->username);
      if (!uri.empty()) out.emplace_back(cursor, std::move(uri));
    }
    return out;
  });
}

}  // namespace lox::services
