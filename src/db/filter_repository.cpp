#include "db/fields.hpp"
#include "db/pg_array.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/filter_repository.hpp>

#include <algorithm>

namespace lox::db {

namespace {
using std::chrono::system_clock;

// Columns: id, title, contexts, action, expires (LOX_FILTER_COLUMNS) from `at`.
domain::Filter read_filter(const pqxx::row& row, int at = 0) {
  domain::Filter f;
  f.id = row[at].as<std::int64_t>();
  f.title = row[at + 1].as<std::string>();
  f.contexts = from_pg_text_array(row[at + 2].as<std::string>());
  f.action = static_cast<domain::FilterAction>(row[at + 3].as<int>());
  if (!row[at + 4].is_null()) {
    f.expires_at = system_clock::time_point(std::chrono::milliseconds(row[at + 4].as<long long>()));
  }
  return f;
}

// Fills in the keywords and statuses of `filters` with two statements.
void attach_rules(Tx& tx, std::vector<domain::Filter>& filters) {
  if (filters.empty()) return;
  std::vector<std::int64_t> ids;
  for (const auto& f : filters) ids.push_back(f.id);
  const std::string array = to_pg_bigint_array(ids);
  auto find = [&](std::int64_t id) {
    return std::find_if(filters.begin(), filters.end(), [&](const auto& f) { return f.id == id; });
  };
  for (const auto& row : tx.exec("filter_keywords_of", array)) {
    auto it = find(row[1].as<std::int64_t>());
    if (it != filters.end()) {
      it->keywords.push_back(
          {row[0].as<std::int64_t>(), row[2].as<std::string>(), row[3].as<bool>()});
    }
  }
  for (const auto& row : tx.exec("filter_statuses_of", array)) {
    auto it = find(row[1].as<std::int64_t>());
    if (it != filters.end())
      it->statuses.push_back({row[0].as<std::int64_t>(), row[2].as<std::int64_t>()});
  }
}
}  // namespace

void FilterRepository::insert(Tx& tx, std::int64_t owner, const domain::Filter& f) {
  tx.exec("filter_insert", f.id, owner, f.title, to_pg_text_array(f.contexts),
          static_cast<int>(f.action), to_ms(f.expires_at));
}

bool FilterRepository::update(Tx& tx, std::int64_t owner, const domain::Filter& f) {
  return tx.exec("filter_update", owner, f.id, f.title, to_pg_text_array(f.contexts),
                 static_cast<int>(f.action), to_ms(f.expires_at))
             .affected_rows() == 1;
}

bool FilterRepository::remove(Tx& tx, std::int64_t owner, std::int64_t id) {
  return tx.exec("filter_delete", owner, id).affected_rows() == 1;
}

std::int64_t FilterRepository::count(Tx& tx, std::int64_t owner) {
  return tx.exec1("filter_count", owner)[0].as<std::int64_t>();
}

std::vector<domain::Filter> FilterRepository::all(Tx& tx, std::int64_t owner) {
  std::vector<domain::Filter> out;
  for (const auto& row : tx.exec("filters_of", owner)) out.push_back(read_filter(row));
  attach_rules(tx, out);
  return out;
}

std::optional<domain::Filter> FilterRepository::get(Tx& tx, std::int64_t owner, std::int64_t id) {
  auto r = tx.exec("filter_get", owner, id);
  if (r.empty()) return std::nullopt;
  std::vector<domain::Filter> one{read_filter(r[0])};
  attach_rules(tx, one);
  return one[0];
}

void FilterRepository::add_keyword(Tx& tx, std::int64_t filter_id, const domain::FilterKeyword& k) {
  tx.exec("filter_keyword_insert", k.id, filter_id, k.keyword, k.whole_word,
          domain::filter_keyword_pattern(k.keyword, k.whole_word));
}

std::optional<FilterKeywordRow> FilterRepository::keyword(Tx& tx, std::int64_t owner,
                                                          std::int64_t id) {
  auto r = tx.exec("filter_keyword_get", owner, id);
  if (r.empty()) return std::nullopt;
  return FilterKeywordRow{r[0][1].as<std::int64_t>(),
                          domain::FilterKeyword{r[0][0].as<std::int64_t>(),
                                                r[0][2].as<std::string>(), r[0][3].as<bool>()}};
}

bool FilterRepository::update_keyword(Tx& tx, std::int64_t owner, const domain::FilterKeyword& k) {
  return tx.exec("filter_keyword_update", owner, k.id, k.keyword, k.whole_word,
                 domain::filter_keyword_pattern(k.keyword, k.whole_word))
             .affected_rows() == 1;
}

bool FilterRepository::remove_keyword(Tx& tx, std::int64_t owner, std::int64_t id) {
  return tx.exec("filter_keyword_delete", owner, id).affected_rows() == 1;
}

bool FilterRepository::add_status(Tx& tx, std::int64_t filter_id, const domain::FilterStatus& s) {
  return tx.exec("filter_status_insert", s.id, filter_id, s.status_id).affected_rows() == 1;
}

std::optional<FilterStatusRow> FilterRepository::status(Tx& tx, std::int64_t owner,
                                                        std::int64_t id) {
  auto r = tx.exec("filter_status_get", owner, id);
  if (r.empty()) return std::nullopt;
  return FilterStatusRow{
      r[0][1].as<std::int64_t>(),
      domain::FilterStatus{r[0][0].as<std::int64_t>(), r[0][2].as<std::int64_t>()}};
}

bool FilterRepository::remove_status(Tx& tx, std::int64_t owner, std::int64_t id) {
  return tx.exec("filter_status_delete", owner, id).affected_rows() == 1;
}

std::unordered_map<std::int64_t, std::vector<domain::FilterResult>> FilterRepository::matches(
    Tx& tx, const std::string& status_id_array, std::int64_t viewer) {
  std::unordered_map<std::int64_t, std::vector<domain::FilterResult>> out;
  for (const auto& row : tx.exec("status_filter_matches", status_id_array, viewer)) {
    auto& results = out[row[0].as<std::int64_t>()];
    domain::Filter filter = read_filter(row, 1);
    auto it = std::find_if(results.begin(), results.end(),
                           [&](const auto& r) { return r.filter.id == filter.id; });
    if (it == results.end()) {
      results.push_back({std::move(filter), {}, {}});
      it = std::prev(results.end());
    }
    if (!row[6].is_null()) it->keyword_matches.push_back(row[6].as<std::string>());
    if (!row[7].is_null()) it->status_matches.push_back(std::to_string(row[7].as<std::int64_t>()));
  }
  return out;
}

}  // namespace lox::db
