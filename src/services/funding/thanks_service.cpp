#include <loxodon/db/database.hpp>
#include <loxodon/db/thanks_repository.hpp>
#include <loxodon/services/funding/ledger_service.hpp>
#include <loxodon/services/funding/thanks_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

namespace lox::services {

namespace {

// Printable text of at most `max` characters: control characters become spaces, the ends are
// trimmed, and whatever is beyond the limit is cut at a character boundary.
std::string public_text(const std::string& text, std::size_t max) {
  std::string clean = to_valid_utf8(text);
  for (auto& c : clean) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = ' ';
  }
  clean.erase(0, clean.find_first_not_of(' '));
  clean.erase(clean.find_last_not_of(' ') + 1);
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < clean.size() && count < max; ++count) {
    std::size_t len = 1;
    auto u = static_cast<unsigned char>(clean[i]);
    if (u >= 0xf0) {
      len = 4;
    } else if (u >= 0xe0) {
      len = 3;
    } else if (u >= 0xc0) {
      len = 2;
    }
    out += clean.substr(i, len);
    i += len;
  }
  return out;
}

}  // namespace

ThanksService::ThanksService(db::Database& db) : db_(db) {}

void ThanksService::write(db::Tx& tx, SnowflakeGenerator& ids, std::int64_t ledger_entry_id,
                          const std::optional<std::string>& donor_ref,
                          const domain::ThanksRequest& request) {
  if (!request.wanted) return;
  domain::DonationThanks t;
  t.id = ids.next();
  t.ledger_entry_id = ledger_entry_id;
  t.donor_ref = donor_ref;
  if (request.name) {
    auto name = public_text(*request.name, kMaxName);
    if (!name.empty()) t.name = name;
  }
  t.message = public_text(request.message, kMaxMessage);
  db::ThanksRepository::insert(tx, t);
}

awaitable<std::vector<domain::DonationThanks>> ThanksService::wall() {
  co_return co_await db_.read([](db::Tx& tx) { return db::ThanksRepository::wall(tx, kWallSize); });
}

awaitable<std::vector<domain::DonationThanks>> ThanksService::all(domain::UserWithAccount admin) {
  LedgerService::require_administrator(admin);
  co_return co_await db_.read([](db::Tx& tx) { return db::ThanksRepository::all(tx); });
}

awaitable<void> ThanksService::set_hidden(domain::UserWithAccount admin, std::int64_t id,
                                          bool hidden) {
  LedgerService::require_administrator(admin);
  bool found =
      co_await db_.tx([&](db::Tx& tx) { return db::ThanksRepository::set_hidden(tx, id, hidden); });
  if (!found) throw Error(ErrorCode::kNotFound, "Record not found");
}

}  // namespace lox::services
