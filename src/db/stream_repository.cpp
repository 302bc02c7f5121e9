#include "db/pg_array.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/stream_repository.hpp>

namespace lox::db {

namespace {

std::vector<std::int64_t> ids_of(const pqxx::result& rows) {
  std::vector<std::int64_t> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(row[0].as<std::int64_t>());
  return out;
}

// Rows of two ids as `Row`s (domain::ListAudience, ConversationAudience).
template <class Row>
std::vector<Row> rows_of(const pqxx::result& rows) {
  std::vector<Row> out;
  out.reserve(rows.size());
  for (const auto& row : rows)
    out.push_back({row[0].as<std::int64_t>(), row[1].as<std::int64_t>()});
  return out;
}

}  // namespace

void StreamRepository::publish(Tx& tx, const std::string& payload) {
  tx.exec("stream_publish", payload);
}

std::optional<domain::StreamStatusFacts> StreamRepository::status_facts(Tx& tx,
                                                                        std::int64_t status_id) {
  auto r = tx.exec("stream_status_facts", status_id);
  if (r.empty()) return std::nullopt;
  const auto& row = r[0];
  domain::StreamStatusFacts f;
  f.account_id = row[0].as<std::int64_t>();
  f.visibility = row[1].as<int>();
  f.local = row[2].as<bool>();
  f.reblog = row[3].as<bool>();
  f.reply_to_other = row[4].as<bool>();
  f.has_media = row[5].as<bool>();
  f.tags = from_pg_text_array(row[6].as<std::string>());
  return f;
}

std::vector<std::int64_t> StreamRepository::home_audience(
    Tx& tx, std::int64_t status_id, const std::vector<std::int64_t>& accounts) {
  if (accounts.empty()) return {};
  return ids_of(tx.exec("stream_home_audience", status_id, to_pg_bigint_array(accounts)));
}

std::vector<domain::ListAudience> StreamRepository::list_audience(
    Tx& tx, std::int64_t status_id, const std::vector<std::int64_t>& lists) {
  if (lists.empty()) return {};
  return rows_of<domain::ListAudience>(
      tx.exec("stream_list_audience", status_id, to_pg_bigint_array(lists)));
}

std::vector<std::int64_t> StreamRepository::public_audience(
    Tx& tx, std::int64_t status_id, const std::vector<std::int64_t>& accounts) {
  if (accounts.empty()) return {};
  return ids_of(tx.exec("stream_public_audience", status_id, to_pg_bigint_array(accounts)));
}

std::vector<std::int64_t> StreamRepository::personal_viewers(
    Tx& tx, const std::vector<std::int64_t>& ids, const std::vector<std::int64_t>& viewers) {
  if (viewers.empty() || ids.empty()) return {};
  return ids_of(
      tx.exec("stream_personal_viewers", to_pg_bigint_array(ids), to_pg_bigint_array(viewers)));
}

std::vector<ConversationAudience> StreamRepository::conversation_audience(
    Tx& tx, std::int64_t status_id, const std::vector<std::int64_t>& accounts) {
  if (accounts.empty()) return {};
  return rows_of<ConversationAudience>(
      tx.exec("stream_conversation_audience", status_id, to_pg_bigint_array(accounts)));
}

bool StreamRepository::owns_list(Tx& tx, std::int64_t account_id, std::int64_t list_id) {
  return !tx.exec("stream_list_owned", account_id, list_id).empty();
}

}  // namespace lox::db
