#include "db/fields.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/membership_repository.hpp>

namespace lox::db {

bool MembershipRepository::insert_plan(Tx& tx, const domain::MembershipPlan& p) {
  return !tx.exec("plan_insert", p.id, p.name, p.description, p.price_minor, p.currency,
                  p.billing_interval, p.trial_days, p.entitlements_json, p.provider_price_ref)
              .empty();
}

std::vector<domain::MembershipPlan> MembershipRepository::plans(Tx& tx) {
  std::vector<domain::MembershipPlan> out;
  for (const auto& row : tx.exec("plans_all")) {
    domain::MembershipPlan p;
    p.id = row[0].as<std::int64_t>();
    p.name = row[1].as<std::string>();
    p.description = row[2].as<std::string>();
    p.price_minor = row[3].as<std::int64_t>();
    p.currency = row[4].as<std::string>();
    p.billing_interval = row[5].as<std::string>();
    p.trial_days = row[6].as<int>();
    p.entitlements_json = row[7].as<std::string>();
    p.provider_price_ref = nullable<std::string>(row[8]);
    p.active = row[9].as<bool>();
    out.push_back(std::move(p));
  }
  return out;
}

std::optional<std::int64_t> MembershipRepository::plan_by_price_ref(Tx& tx,
                                                                    const std::string& ref) {
  auto r = tx.exec("plan_by_price_ref", ref);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<std::int64_t>();
}

void MembershipRepository::upsert(Tx& tx, std::int64_t new_id, const domain::MembershipState& s) {
  std::optional<long long> period_end;
  if (s.current_period_end) period_end = to_ms(*s.current_period_end);
  tx.exec("membership_upsert", new_id, s.account_id, s.plan_id, s.provider, s.subscription_ref,
          s.status, period_end, s.cancel_at_period_end, to_ms(s.event_at));
}

bool MembershipRepository::exists(Tx& tx, const std::string& provider,
                                  const std::string& subscription_ref) {
  return !tx.exec("membership_exists", provider, subscription_ref).empty();
}

void MembershipRepository::renew(Tx& tx, const std::string& provider,
                                 const std::string& subscription_ref,
                                 std::chrono::system_clock::time_point period_end,
                                 std::chrono::system_clock::time_point event_at) {
  tx.exec("membership_renew", provider, subscription_ref, to_ms(period_end), to_ms(event_at));
}

void MembershipRepository::past_due(Tx& tx, const std::string& provider,
                                    const std::string& subscription_ref,
                                    std::chrono::system_clock::time_point event_at) {
  tx.exec("membership_past_due", provider, subscription_ref, to_ms(event_at));
}

std::vector<std::string> MembershipRepository::entitlements_for(Tx& tx, std::int64_t account_id,
                                                                int grace_days) {
  std::vector<std::string> out;
  for (const auto& row : tx.exec("entitlements_for", account_id, grace_days)) {
    out.push_back(row[0].as<std::string>());
  }
  return out;
}

namespace {
domain::Membership read_membership(const pqxx::row& row) {
  domain::Membership m;
  m.id = row[0].as<std::int64_t>();
  m.account_id = row[1].as<std::int64_t>();
  m.acct = row[2].as<std::string>();
  m.plan_id = row[3].as<std::int64_t>();
  m.plan_name = row[4].as<std::string>();
  m.provider = row[5].as<std::string>();
  m.subscription_ref = row[6].as<std::string>();
  m.status = row[7].as<std::string>();
  m.current_period_end = ms_time(row[8]);
  m.cancel_at_period_end = row[9].as<bool>();
  return m;
}
}  // namespace

std::vector<domain::Membership> MembershipRepository::memberships(Tx& tx) {
  std::vector<domain::Membership> out;
  for (const auto& row : tx.exec("memberships_all")) {
    out.push_back(read_membership(row));
  }
  return out;
}

std::vector<domain::Membership> MembershipRepository::of_account(Tx& tx, std::int64_t account_id) {
  std::vector<domain::Membership> out;
  for (const auto& row : tx.exec("memberships_of_account", account_id)) {
    out.push_back(read_membership(row));
  }
  return out;
}

std::optional<domain::Membership> MembershipRepository::find(Tx& tx, std::int64_t id) {
  auto r = tx.exec("membership_find", id);
  if (r.empty()) return std::nullopt;
  return read_membership(r[0]);
}

std::optional<domain::Membership> MembershipRepository::running(Tx& tx, std::int64_t account_id,
                                                                const std::string& provider) {
  auto r = tx.exec("membership_running", account_id, provider);
  if (r.empty()) return std::nullopt;
  return read_membership(r[0]);
}

void MembershipRepository::insert_seat(Tx& tx, std::int64_t id, std::int64_t plan_id, int months,
                                       std::optional<std::int64_t> ledger_entry_id,
                                       const std::string& funded_by) {
  tx.exec("seat_insert", id, plan_id, months, ledger_entry_id, funded_by);
}

namespace {
domain::FundedSeat read_seat(const pqxx::row& row) {
  domain::FundedSeat f;
  f.id = row[0].as<std::int64_t>();
  f.plan_id = row[1].as<std::int64_t>();
  f.plan_name = row[2].as<std::string>();
  f.months = row[3].as<int>();
  f.ledger_entry_id = nullable<std::int64_t>(row[4]);
  f.funded_by = row[5].as<std::string>();
  f.account_id = nullable<std::int64_t>(row[6]);
  f.acct = nullable<std::string>(row[7]);
  f.assigned_at = ms_time(row[8]);
  return f;
}
}  // namespace

std::vector<domain::FundedSeat> MembershipRepository::seats(Tx& tx) {
  std::vector<domain::FundedSeat> out;
  for (const auto& row : tx.exec("seats_all")) out.push_back(read_seat(row));
  return out;
}

std::optional<domain::FundedSeat> MembershipRepository::find_seat(Tx& tx, std::int64_t id) {
  auto r = tx.exec("seat_find", id);
  if (r.empty()) return std::nullopt;
  return read_seat(r[0]);
}

std::optional<AssignedSeat> MembershipRepository::assign_seat(Tx& tx, std::int64_t seat_id,
                                                              std::int64_t account_id,
                                                              std::int64_t membership_id,
                                                              const std::string& assigned_by) {
  auto r = tx.exec("seat_assign", seat_id, account_id, membership_id, assigned_by);
  if (r.empty()) return std::nullopt;
  return AssignedSeat{r[0][0].as<std::int64_t>(), r[0][1].as<int>()};
}

SeatCounts MembershipRepository::seat_counts(Tx& tx) {
  auto row = tx.exec1("seat_counts");
  return {row[0].as<std::int64_t>(), row[1].as<std::int64_t>()};
}

void MembershipRepository::refresh_badge(Tx& tx, std::int64_t account_id, int grace_days) {
  tx.exec("supporter_badge_refresh", account_id, grace_days);
}

void MembershipRepository::refresh_badge(Tx& tx, const std::string& provider,
                                         const std::string& subscription_ref, int grace_days) {
  auto r = tx.exec("membership_account", provider, subscription_ref);
  if (!r.empty()) refresh_badge(tx, r[0][0].as<std::int64_t>(), grace_days);
}

bool MembershipRepository::plan_exists(Tx& tx, std::int64_t plan_id) {
  return !tx.exec("plan_exists", plan_id).empty();
}

bool MembershipRepository::end_comp(Tx& tx, std::int64_t id) {
  return tx.exec("comp_end", id).affected_rows() > 0;
}

}  // namespace lox::db
