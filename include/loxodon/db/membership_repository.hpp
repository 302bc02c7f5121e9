#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/membership.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

// Membership plans and the state of each member's subscription.
// The plan and months of a funded seat just given.
struct AssignedSeat {
  std::int64_t plan_id = 0;
  int months = 0;
};

// Seats funded, and how many of them were given.
struct SeatCounts {
  std::int64_t funded = 0;
  std::int64_t given = 0;
};

class MembershipRepository {
 public:
  // False when a plan with that name or provider price exists.
  static bool insert_plan(Tx& tx, const domain::MembershipPlan& plan);
  static std::vector<domain::MembershipPlan> plans(Tx& tx);
  static std::optional<std::int64_t> plan_by_price_ref(Tx& tx, const std::string& price_ref);
  // Writes the state unless a newer event already did.
  static void upsert(Tx& tx, std::int64_t new_id, const domain::MembershipState& state);
  static bool exists(Tx& tx, const std::string& provider, const std::string& subscription_ref);
  static void renew(Tx& tx, const std::string& provider, const std::string& subscription_ref,
                    std::chrono::system_clock::time_point period_end,
                    std::chrono::system_clock::time_point event_at);
  static void past_due(Tx& tx, const std::string& provider, const std::string& subscription_ref,
                       std::chrono::system_clock::time_point event_at);
  static std::vector<domain::Membership> memberships(Tx& tx);
  static std::optional<domain::Membership> find(Tx& tx, std::int64_t id);
  // The account's own memberships, newest first (at most 20).
  static std::vector<domain::Membership> of_account(Tx& tx, std::int64_t account_id);
  static bool plan_exists(Tx& tx, std::int64_t plan_id);
  static void insert_seat(Tx& tx, std::int64_t id, std::int64_t plan_id, int months,
                          std::optional<std::int64_t> ledger_entry_id,
                          const std::string& funded_by);
  static std::vector<domain::FundedSeat> seats(Tx& tx);
  static std::optional<domain::FundedSeat> find_seat(Tx& tx, std::int64_t id);
  // Gives an open seat to `account_id`: its plan and months, or nothing when it is gone or
  // given already.
  static std::optional<AssignedSeat> assign_seat(Tx& tx, std::int64_t seat_id,
                                                 std::int64_t account_id,
                                                 std::int64_t membership_id,
                                                 const std::string& assigned_by);
  // Seats funded, and how many of them were given.
  static SeatCounts seat_counts(Tx& tx);
  // Re-derives the account's supporter badge after its memberships changed.
  static void refresh_badge(Tx& tx, std::int64_t account_id, int grace_days);
  // The same for the account holding a provider's subscription, if any.
  static void refresh_badge(Tx& tx, const std::string& provider,
                            const std::string& subscription_ref, int grace_days);
  // The account's running subscription with `provider`, if any.
  static std::optional<domain::Membership> running(Tx& tx, std::int64_t account_id,
                                                   const std::string& provider);
  // False unless `id` is a comp that was still running.
  static bool end_comp(Tx& tx, std::int64_t id);
  // The entitlements JSON of every plan the account holds now (none without a membership).
  static std::vector<std::string> entitlements_for(Tx& tx, std::int64_t account_id, int grace_days);
};

}  // namespace lox::db
