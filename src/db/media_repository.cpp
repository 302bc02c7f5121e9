#include "db/fields.hpp"
#include "db/pg_array.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/media_repository.hpp>

namespace lox::db {

namespace {
domain::MediaAttachment read_media(const pqxx::row& row) {
  domain::MediaAttachment m;
  m.id = row[0].as<std::int64_t>();
  m.account_id = row[1].as<std::int64_t>();
  m.status_id = nullable<std::int64_t>(row[2]);
  m.kind = row[3].as<int>();
  m.state = row[4].as<int>();
  m.content_type = row[5].as<std::string>();
  m.upload_key = nullable<std::string>(row[6]);
  m.file_key = nullable<std::string>(row[7]);
  m.small_key = nullable<std::string>(row[8]);
  m.file_size = row[9].as<std::int64_t>();
  m.description = row[10].as<std::string>();
  m.focus_x = row[11].as<double>();
  m.focus_y = row[12].as<double>();
  m.meta = row[13].as<std::string>();
  m.blurhash = nullable<std::string>(row[14]);
  m.remote_url = nullable<std::string>(row[15]);
  return m;
}

std::optional<domain::MediaAttachment> first(const pqxx::result& r) {
  if (r.empty()) return std::nullopt;
  return read_media(r[0]);
}
}  // namespace

void MediaRepository::insert(Tx& tx, const domain::MediaAttachment& m) {
  tx.exec("media_insert", m.id, m.account_id, m.kind, m.content_type, m.upload_key, m.file_size,
          m.description, m.focus_x, m.focus_y);
}

void MediaRepository::insert_remote(Tx& tx, const domain::MediaAttachment& m) {
  tx.exec("media_insert_remote", m.id, m.account_id, m.status_id, m.kind, m.content_type,
          m.description, m.focus_x, m.focus_y, m.blurhash, m.remote_url);
}

bool MediaRepository::set_upload(Tx& tx, std::int64_t id, const std::string& key,
                                 std::int64_t size) {
  return tx.exec("media_set_upload", id, key, size).affected_rows() == 1;
}

std::vector<domain::MediaAttachment> MediaRepository::remote_cached(Tx& tx, int older_than_days,
                                                                    int limit) {
  std::vector<domain::MediaAttachment> out;
  for (const auto& row : tx.exec("media_remote_cached", older_than_days, limit)) {
    out.push_back(read_media(row));
  }
  return out;
}

CachedMediaCount MediaRepository::remote_cached_count(Tx& tx, int older_than_days) {
  auto r = tx.exec("media_remote_count", older_than_days);
  return {r[0][0].as<std::int64_t>(), r[0][1].as<std::int64_t>()};
}

void MediaRepository::evict(Tx& tx, std::int64_t id) { tx.exec("media_evict", id); }

std::optional<domain::MediaAttachment> MediaRepository::find(Tx& tx, std::int64_t id) {
  return first(tx.exec("media_find", id));
}

std::optional<domain::MediaAttachment> MediaRepository::get(Tx& tx, std::int64_t owner,
                                                            std::int64_t id) {
  return first(tx.exec("media_get", owner, id));
}

void MediaRepository::finish(Tx& tx, std::int64_t id, const ProcessedMedia& p) {
  tx.exec("media_finish", id, p.kind, p.content_type, p.file_key, p.small_key, p.file_size, p.meta,
          p.blurhash);
}

void MediaRepository::fail(Tx& tx, std::int64_t id) { tx.exec("media_fail", id); }

bool MediaRepository::describe(Tx& tx, std::int64_t owner, std::int64_t id,
                               const std::string& description, double focus_x, double focus_y) {
  return tx.exec("media_describe", owner, id, description, focus_x, focus_y).affected_rows() == 1;
}

std::optional<domain::MediaAttachment> MediaRepository::remove_unattached(Tx& tx,
                                                                          std::int64_t owner,
                                                                          std::int64_t id) {
  return first(tx.exec("media_delete_unattached", owner, id));
}

std::optional<std::string> MediaRepository::set_profile_image(Tx& tx, std::int64_t account_id,
                                                              bool header, const std::string& key) {
  auto r = tx.exec(header ? "account_set_header" : "account_set_avatar", account_id, key);
  if (r.empty()) return std::nullopt;
  return nullable<std::string>(r[0][0]);
}

std::vector<domain::MediaAttachment> MediaRepository::remove_stale(Tx& tx, int hours, int limit) {
  std::vector<domain::MediaAttachment> out;
  for (const auto& row : tx.exec("media_delete_stale", hours, limit))
    out.push_back(read_media(row));
  return out;
}

std::vector<domain::MediaAttachment> MediaRepository::attachable(
    Tx& tx, std::int64_t owner, const std::vector<std::int64_t>& ids) {
  std::vector<domain::MediaAttachment> found;
  for (const auto& row : tx.exec("media_attachable", owner, to_pg_bigint_array(ids)))
    found.push_back(read_media(row));
  std::vector<domain::MediaAttachment> out;
  for (auto id : ids) {
    for (const auto& m : found) {
      if (m.id == id) out.push_back(m);
    }
  }
  return out;
}

void MediaRepository::attach(Tx& tx, std::int64_t status_id, std::int64_t owner,
                             const std::vector<std::int64_t>& ids) {
  tx.exec("media_attach", status_id, owner, to_pg_bigint_array(ids));
}

}  // namespace lox::db
