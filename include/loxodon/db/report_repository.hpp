#pragma once

#include <loxodon/db/status_repository.hpp>
#include <loxodon/db/tx.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/domain/report.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lox::db {

// The moderation queue.
class ReportRepository {
 public:
  // False when a report with the same uri exists (a Flag delivered twice).
  static bool insert(Tx& tx, const domain::Report& report);
  static std::optional<domain::Report> find(Tx& tx, std::int64_t id);
  static std::vector<domain::Report> page(Tx& tx, bool resolved, const domain::PageRequest& page);
  static void resolve(Tx& tx, std::int64_t id, std::optional<std::int64_t> by_account);
  static void reopen(Tx& tx, std::int64_t id);
  static std::vector<std::string> moderator_emails(Tx& tx);
  // The local statuses among `uris`, with their authors.
  static std::vector<StatusRef> local_statuses(Tx& tx, const std::vector<std::string>& uris);
};

}  // namespace lox::db
