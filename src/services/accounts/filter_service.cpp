#include <loxodon/db/database.hpp>
#include <loxodon/db/filter_repository.hpp>
#include <loxodon/services/accounts/filter_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/streaming/event.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

#include <algorithm>

namespace lox::services {

template <class F>
awaitable<std::invoke_result_t<F&, db::Tx&>> FilterService::change(std::int64_t me, F fn) {
  return db_.tx([me, fn = std::move(fn)](db::Tx& tx) mutable {
    streaming::publish(tx, {streaming::Event::Kind::kFiltersChanged, 0, me, {}});
    return fn(tx);
  });
}

namespace {

using std::chrono::system_clock;

Error not_found() { return Error(ErrorCode::kNotFound, "Record not found"); }

// Applies the settings in `in` to `f`, refusing the whole change if any of it is invalid.
void apply(domain::Filter& f, const FilterInput& in) {
  ValidationErrors errors;
  if (in.title) f.title = *in.title;
  if (in.contexts) {
    f.contexts.clear();
    for (const auto& c : *in.contexts) {
      if (std::find(f.contexts.begin(), f.contexts.end(), c) == f.contexts.end())
        f.contexts.push_back(c);
    }
  }
  if (in.action) {
    if (auto action = domain::parse_filter_action(*in.action)) {
      f.action = *action;
    } else {
      errors.add("filter_action", "Filter action", "ERR_INCLUSION", "is not included in the list");
    }
  }
  if (in.expires_given) {
    if (in.expires_in && *in.expires_in <= 0) {
      errors.add("expires_in", "Expires in", "ERR_INVALID", "must be a number of seconds");
    } else if (in.expires_in) {
      f.expires_at = system_clock::now() + std::chrono::seconds(*in.expires_in);
    } else {
      f.expires_at.reset();
    }
  }
  if (f.title.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.add("title", "Title", "ERR_BLANK", "can't be blank");
  } else if (!valid_utf8(f.title) || utf8_length(f.title) > FilterService::kMaxTitle) {
    errors.add("title", "Title", "ERR_TOO_LONG", "is too long (maximum is 256 characters)");
  }
  if (f.contexts.empty() ||
      std::any_of(f.contexts.begin(), f.contexts.end(),
                  [](const std::string& c) { return !domain::valid_filter_context(c); })) {
    errors.add("context", "Context", "ERR_INVALID", "None or invalid context supplied");
  }
  errors.throw_if_any();
}

void check_keyword(const std::string& keyword) {
  ValidationErrors errors;
  if (keyword.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.add("keyword", "Keyword", "ERR_BLANK", "can't be blank");
  } else if (!valid_utf8(keyword) || utf8_length(keyword) > FilterService::kMaxKeyword) {
    errors.add("keyword", "Keyword", "ERR_TOO_LONG", "is too long (maximum is 256 characters)");
  }
  errors.throw_if_any();
}

void check_rule_count(std::size_t count) {
  if (count > FilterService::kMaxRulesPerFilter) {
    ValidationErrors errors;
    errors.add("keywords", "Keywords", "ERR_TOO_LONG",
               "is too long (maximum is 100 keywords and statuses per filter)");
    errors.throw_if_any();
  }
}

}  // namespace

FilterService::FilterService(db::Database& db, SnowflakeGenerator& ids, StatusReader& statuses)
    : db_(db), ids_(ids), statuses_(statuses) {}

awaitable<std::vector<domain::Filter>> FilterService::list(std::int64_t me) {
  co_return co_await db_.read([&](db::Tx& tx) { return db::FilterRepository::all(tx, me); });
}

awaitable<domain::Filter> FilterService::get(std::int64_t me, std::int64_t id) {
  auto f = co_await db_.read([&](db::Tx& tx) { return db::FilterRepository::get(tx, me, id); });
  if (!f) throw not_found();
  co_return *f;
}

awaitable<domain::Filter> FilterService::create(std::int64_t me, FilterInput input) {
  domain::Filter f;
  f.id = ids_.next();
  apply(f, input);
  for (auto& k : input.keywords) {
    if (k.destroy) continue;
    if (k.id) throw not_found();  // nothing to change in a filter that does not exist yet
    check_keyword(k.keyword.value_or(""));
    f.keywords.push_back({ids_.next(), *k.keyword, k.whole_word.value_or(true)});
  }
  check_rule_count(f.keywords.size());
  co_await change(me, [&](db::Tx& tx) {
    if (db::FilterRepository::count(tx, me) >= kMaxFilters) {
      ValidationErrors errors;
      errors.add("base", "Filters", "ERR_TOO_LONG", "You cannot have more than 100 filters");
      errors.throw_if_any();
    }
    db::FilterRepository::insert(tx, me, f);
    for (const auto& k : f.keywords) db::FilterRepository::add_keyword(tx, f.id, k);
  });
  co_return co_await get(me, f.id);
}

awaitable<domain::Filter> FilterService::update(std::int64_t me, std::int64_t id,
                                                FilterInput input) {
  domain::Filter f = co_await get(me, id);
  apply(f, input);
  // Every keyword change is checked before anything is written.
  std::vector<domain::FilterKeyword> added, changed;
  std::vector<std::int64_t> removed;
  for (auto& k : input.keywords) {
    if (!k.id) {
      if (k.destroy) continue;
      check_keyword(k.keyword.value_or(""));
      added.push_back({ids_.next(), *k.keyword, k.whole_word.value_or(true)});
      continue;
    }
    auto it = std::find_if(f.keywords.begin(), f.keywords.end(),
                           [&](const domain::FilterKeyword& e) { return e.id == *k.id; });
    if (it == f.keywords.end()) throw not_found();
    if (k.destroy) {
      removed.push_back(it->id);
      continue;
    }
    domain::FilterKeyword next = *it;
    if (k.keyword) next.keyword = *k.keyword;
    if (k.whole_word) next.whole_word = *k.whole_word;
    check_keyword(next.keyword);
    changed.push_back(next);
  }
  check_rule_count(f.keywords.size() + added.size() - removed.size() + f.statuses.size());
  co_await change(me, [&](db::Tx& tx) {
    if (!db::FilterRepository::update(tx, me, f)) throw not_found();
    for (auto kid : removed) db::FilterRepository::remove_keyword(tx, me, kid);
    for (const auto& k : changed) db::FilterRepository::update_keyword(tx, me, k);
    for (const auto& k : added) db::FilterRepository::add_keyword(tx, f.id, k);
  });
  co_return co_await get(me, id);
}

awaitable<void> FilterService::remove(std::int64_t me, std::int64_t id) {
  bool removed =
      co_await change(me, [&](db::Tx& tx) { return db::FilterRepository::remove(tx, me, id); });
  if (!removed) throw not_found();
}

awaitable<domain::FilterKeyword> FilterService::add_keyword(std::int64_t me, std::int64_t filter_id,
                                                            FilterKeywordInput input) {
  domain::Filter f = co_await get(me, filter_id);
  check_keyword(input.keyword.value_or(""));
  check_rule_count(f.keywords.size() + f.statuses.size() + 1);
  domain::FilterKeyword k{ids_.next(), *input.keyword, input.whole_word.value_or(true)};
  co_await change(me, [&](db::Tx& tx) { db::FilterRepository::add_keyword(tx, filter_id, k); });
  co_return k;
}

awaitable<domain::FilterKeyword> FilterService::keyword(std::int64_t me, std::int64_t id) {
  auto found =
      co_await db_.read([&](db::Tx& tx) { return db::FilterRepository::keyword(tx, me, id); });
  if (!found) throw not_found();
  co_return found->keyword;
}

awaitable<domain::FilterKeyword> FilterService::update_keyword(std::int64_t me, std::int64_t id,
                                                               FilterKeywordInput input) {
  domain::FilterKeyword k = co_await keyword(me, id);
  if (input.keyword) k.keyword = *input.keyword;
  if (input.whole_word) k.whole_word = *input.whole_word;
  check_keyword(k.keyword);
  bool updated = co_await change(
      me, [&](db::Tx& tx) { return db::FilterRepository::update_keyword(tx, me, k); });
  if (!updated) throw not_found();
  co_return k;
}

awaitable<void> FilterService::remove_keyword(std::int64_t me, std::int64_t id) {
  bool removed = co_await change(
      me, [&](db::Tx& tx) { return db::FilterRepository::remove_keyword(tx, me, id); });
  if (!removed) throw not_found();
}

awaitable<domain::FilterStatus> FilterService::add_status(std::int64_t me, std::int64_t filter_id,
                                                          std::int64_t status_id) {
  domain::Filter f = co_await get(me, filter_id);
  // Only a status the user can see: filtering must not reveal that a hidden one exists.
  co_await statuses_.get(status_id, me);
  auto existing =
      std::find_if(f.statuses.begin(), f.statuses.end(),
                   [&](const domain::FilterStatus& s) { return s.status_id == status_id; });
  if (existing != f.statuses.end()) {
    ValidationErrors errors;
    errors.add("status_id", "Status", "ERR_TAKEN", "has already been taken");
    errors.throw_if_any();
  }
  check_rule_count(f.keywords.size() + f.statuses.size() + 1);
  domain::FilterStatus s{ids_.next(), status_id};
  co_await change(me, [&](db::Tx& tx) { db::FilterRepository::add_status(tx, filter_id, s); });
  co_return s;
}

awaitable<domain::FilterStatus> FilterService::status(std::int64_t me, std::int64_t id) {
  auto found =
      co_await db_.read([&](db::Tx& tx) { return db::FilterRepository::status(tx, me, id); });
  if (!found) throw not_found();
  co_return found->status;
}

awaitable<void> FilterService::remove_status(std::int64_t me, std::int64_t id) {
  bool removed = co_await change(
      me, [&](db::Tx& tx) { return db::FilterRepository::remove_status(tx, me, id); });
  if (!removed) throw not_found();
}

awaitable<std::vector<FilterV1>> FilterService::list_v1(std::int64_t me) {
  std::vector<FilterV1> out;
  for (const auto& f : co_await list(me)) {
    for (const auto& k : f.keywords) out.push_back({f, k});
  }
  co_return out;
}

awaitable<FilterV1> FilterService::get_v1(std::int64_t me, std::int64_t keyword_id) {
  auto found = co_await db_.read(
      [&](db::Tx& tx) { return db::FilterRepository::keyword(tx, me, keyword_id); });
  if (!found) throw not_found();
  domain::Filter f = co_await get(me, found->filter_id);
  co_return FilterV1{f, found->keyword};
}

awaitable<FilterV1> FilterService::create_v1(std::int64_t me, FilterInput filter,
                                             FilterKeywordInput keyword) {
  check_keyword(keyword.keyword.value_or(""));
  filter.title = keyword.keyword;  // v1 filters are named after their phrase, as in Mastodon
  filter.keywords = {keyword};
  domain::Filter f = co_await create(me, std::move(filter));
  co_return FilterV1{f, f.keywords.at(0)};
}

awaitable<FilterV1> FilterService::update_v1(std::int64_t me, std::int64_t keyword_id,
                                             FilterInput filter, FilterKeywordInput keyword) {
  FilterV1 current = co_await get_v1(me, keyword_id);
  // Mastodon refuses to change the shared settings of a filter that has other keywords
  // through the v1 API, since that would silently change them too.
  domain::Filter preview = current.filter;
  apply(preview, filter);
  bool shared_change = preview.contexts != current.filter.contexts ||
                       preview.action != current.filter.action ||
                       preview.expires_at != current.filter.expires_at;
  if (shared_change && current.filter.keywords.size() > 1) {
    throw Error(ErrorCode::kUnprocessable,
                "Cannot change the settings of a filter with several keywords through the v1 API");
  }
  keyword.id = keyword_id;
  filter.keywords = {keyword};
  if (!shared_change) filter.expires_given = false;  // keep the exact expiry
  domain::Filter f = co_await update(me, current.filter.id, std::move(filter));
  for (const auto& k : f.keywords) {
    if (k.id == keyword_id) co_return FilterV1{f, k};
  }
  throw not_found();
}

awaitable<void> FilterService::remove_v1(std::int64_t me, std::int64_t keyword_id) {
  FilterV1 current = co_await get_v1(me, keyword_id);
  bool last = current.filter.keywords.size() == 1 && current.filter.statuses.empty();
  co_await change(me, [&](db::Tx& tx) {
    if (last) {
      db::FilterRepository::remove(tx, me, current.filter.id);
    } else {
      db::FilterRepository::remove_keyword(tx, me, keyword_id);
    }
  });
}

}  // namespace lox::services
