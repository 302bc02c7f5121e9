#include "db/fields.hpp"
#include "db/pg_array.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/announcement_repository.hpp>

#include <nlohmann/json.hpp>

namespace lox::db {

namespace {

using std::chrono::system_clock;

std::optional<system_clock::time_point> time_of(const pqxx::field& f) {
  auto ms = nullable<long long>(f);
  if (!ms) return std::nullopt;
  return system_clock::time_point(std::chrono::milliseconds(*ms));
}

domain::Announcement read_row(const pqxx::row& row) {
  domain::Announcement a;
  a.id = row[0].as<std::int64_t>();
  a.text = row[1].as<std::string>();
  a.content = row[2].as<std::string>();
  a.tags = from_pg_text_array(row[3].as<std::string>());
  a.starts_at = time_of(row[4]);
  a.ends_at = time_of(row[5]);
  a.all_day = row[6].as<bool>();
  a.scheduled_at = time_of(row[7]);
  a.published_at = time_of(row[8]);
  a.updated_at = time_of(row[9]).value_or(system_clock::time_point{});
  a.read = row[10].as<bool>();
  for (const auto& r : nlohmann::json::parse(row[11].c_str())) {
    a.reactions.push_back({r[0].get<std::string>(), r[1].get<std::int64_t>(), r[2].get<bool>()});
  }
  return a;
}

std::vector<domain::Announcement> read_rows(const pqxx::result& rows) {
  std::vector<domain::Announcement> out;
  for (const auto& row : rows) out.push_back(read_row(row));
  return out;
}

}  // namespace

void AnnouncementRepository::insert(Tx& tx, const domain::Announcement& a) {
  tx.exec("announcement_insert", a.id, a.text, a.content, to_pg_text_array(a.tags),
          to_ms(a.starts_at), to_ms(a.ends_at), a.all_day, to_ms(a.scheduled_at));
}

bool AnnouncementRepository::publish(Tx& tx, std::int64_t id) {
  return tx.exec("announcement_publish", id).affected_rows() == 1;
}

bool AnnouncementRepository::remove(Tx& tx, std::int64_t id) {
  return tx.exec("announcement_delete", id).affected_rows() == 1;
}

std::vector<domain::Announcement> AnnouncementRepository::active(Tx& tx, std::int64_t viewer,
                                                                 bool with_dismissed) {
  return read_rows(tx.exec("announcements_active", viewer, with_dismissed));
}

std::optional<domain::Announcement> AnnouncementRepository::find(Tx& tx, std::int64_t id,
                                                                 std::int64_t viewer) {
  auto r = tx.exec("announcement_find", id, viewer);
  if (r.empty()) return std::nullopt;
  return read_row(r[0]);
}

std::vector<domain::Announcement> AnnouncementRepository::all(Tx& tx) {
  return read_rows(tx.exec("announcements_all"));
}

bool AnnouncementRepository::dismiss(Tx& tx, std::int64_t viewer, std::int64_t id) {
  tx.exec("announcement_dismiss", viewer, id);
  auto found = find(tx, id, viewer);
  return found && found->published_at;
}

bool AnnouncementRepository::add_reaction(Tx& tx, std::int64_t viewer, std::int64_t id,
                                          const std::string& name) {
  return tx.exec("announcement_reaction_add", viewer, id, name).affected_rows() == 1;
}

bool AnnouncementRepository::remove_reaction(Tx& tx, std::int64_t viewer, std::int64_t id,
                                             const std::string& name) {
  return tx.exec("announcement_reaction_remove", viewer, id, name).affected_rows() == 1;
}

std::int64_t AnnouncementRepository::reaction_count(Tx& tx, std::int64_t id,
                                                    const std::string& name) {
  return tx.exec1("announcement_reaction_count", id, name)[0].as<std::int64_t>();
}

}  // namespace lox::db
