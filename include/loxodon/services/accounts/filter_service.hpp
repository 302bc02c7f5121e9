#pragma once

#include <loxodon/domain/filter.hpp>
#include <loxodon/services/statuses/status_reader.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace lox::services {

// One entry of keywords_attributes[]: with an id it changes (or, with destroy, removes) that
// keyword; without one it adds a keyword.
struct FilterKeywordInput {
  std::optional<std::int64_t> id;
  std::optional<std::string> keyword;
  std::optional<bool> whole_word;
  bool destroy = false;
};

// What a create or update sets; anything left empty keeps its value (or default).
struct FilterInput {
  std::optional<std::string> title;
  std::optional<std::vector<std::string>> contexts;
  std::optional<std::string> action;
  bool expires_given = false;              // expires_in was sent
  std::optional<std::int64_t> expires_in;  // seconds from now; empty means never
  std::vector<FilterKeywordInput> keywords;
};

// A v1 filter: one keyword with its own filter's settings.
struct FilterV1 {
  domain::Filter filter;
  domain::FilterKeyword keyword;
};

// Custom filters (v2), their keywords and statuses, and the v1 API as a view of them. How
// statuses are matched and hidden is the status service's part (filtered[] on every status).
class FilterService {
 public:
  static constexpr std::int64_t kMaxFilters = 100;
  static constexpr std::size_t kMaxRulesPerFilter = 100;
  static constexpr std::size_t kMaxTitle = 256;
  static constexpr std::size_t kMaxKeyword = 256;

  FilterService(db::Database& db, SnowflakeGenerator& ids, StatusReader& statuses);

  awaitable<std::vector<domain::Filter>> list(std::int64_t me);
  awaitable<domain::Filter> get(std::int64_t me, std::int64_t id);
  awaitable<domain::Filter> create(std::int64_t me, FilterInput input);
  awaitable<domain::Filter> update(std::int64_t me, std::int64_t id, FilterInput input);
  awaitable<void> remove(std::int64_t me, std::int64_t id);

  awaitable<domain::FilterKeyword> add_keyword(std::int64_t me, std::int64_t filter_id,
                                               FilterKeywordInput input);
  awaitable<domain::FilterKeyword> keyword(std::int64_t me, std::int64_t id);
  awaitable<domain::FilterKeyword> update_keyword(std::int64_t me, std::int64_t id,
                                                  FilterKeywordInput input);
  awaitable<void> remove_keyword(std::int64_t me, std::int64_t id);

  awaitable<domain::FilterStatus> add_status(std::int64_t me, std::int64_t filter_id,
                                             std::int64_t status_id);
  awaitable<domain::FilterStatus> status(std::int64_t me, std::int64_t id);
  awaitable<void> remove_status(std::int64_t me, std::int64_t id);

  awaitable<std::vector<FilterV1>> list_v1(std::int64_t me);
  awaitable<FilterV1> get_v1(std::int64_t me, std::int64_t keyword_id);
  // phrase, context[], irreversible, whole_word, expires_in: a filter with one keyword.
  awaitable<FilterV1> create_v1(std::int64_t me, FilterInput filter, FilterKeywordInput keyword);
  awaitable<FilterV1> update_v1(std::int64_t me, std::int64_t keyword_id, FilterInput filter,
                                FilterKeywordInput keyword);
  // Removes the keyword, and its filter when nothing else is left in it.
  awaitable<void> remove_v1(std::int64_t me, std::int64_t keyword_id);

 private:
  // Runs fn in a transaction that also tells the owner's live streams (filters_changed).
  template <class F>
  awaitable<std::invoke_result_t<F&, db::Tx&>> change(std::int64_t me, F fn);

  db::Database& db_;
  SnowflakeGenerator& ids_;
  StatusReader& statuses_;
};

}  // namespace lox::services
