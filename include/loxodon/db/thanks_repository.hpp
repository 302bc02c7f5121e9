#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/donation_thanks.hpp>

#include <cstdint>
#include <vector>

namespace lox::db {

// The thanks wall's rows.
class ThanksRepository {
 public:
  // Nothing when the donation, or the recurring donation it renews, is thanked already.
  static void insert(Tx& tx, const domain::DonationThanks& thanks);
  static std::vector<domain::DonationThanks> wall(Tx& tx, int limit);
  static std::vector<domain::DonationThanks> all(Tx& tx);
  static bool set_hidden(Tx& tx, std::int64_t id, bool hidden);
};

}  // namespace lox::db
