#include "db/tx_impl.hpp"

#include <loxodon/db/delivery_host_repository.hpp>

namespace lox::db {

namespace {

std::optional<std::chrono::system_clock::time_point> from_millis(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(f.as<std::int64_t>()));
}

}  // namespace

std::optional<DeliveryHostHealth> DeliveryHostRepository::find(Tx& tx, const std::string& host) {
  auto r = tx.exec("delivery_host_get", host);
  if (r.empty()) return std::nullopt;
  DeliveryHostHealth health;
  health.host = host;
  health.failure_days = r[0][0].as<int>();
  health.unavailable = r[0][1].as<bool>();
  return health;
}

bool DeliveryHostRepository::record_failure(Tx& tx, const std::string& host,
                                            const std::string& error) {
  auto r = tx.exec("delivery_host_fail", host, error, kUnavailableAfterDays);
  return !r.empty() && r[0][0].as<bool>();
}

bool DeliveryHostRepository::clear(Tx& tx, const std::string& host) {
  return tx.exec("delivery_host_clear", host).affected_rows() > 0;
}

std::vector<DeliveryHostHealth> DeliveryHostRepository::list(Tx& tx) {
  std::vector<DeliveryHostHealth> out;
  for (const auto& row : tx.exec("delivery_host_list")) {
    DeliveryHostHealth h;
    h.host = row[0].as<std::string>();
    h.failure_days = row[1].as<int>();
    h.last_failure_at = from_millis(row[2]);
    h.last_failure = row[3].as<std::string>();
    h.unavailable_since = from_millis(row[4]);
    h.unavailable = h.unavailable_since.has_value();
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<std::string> DeliveryHostRepository::related_inboxes(Tx& tx, std::int64_t account) {
  std::vector<std::string> out;
  for (const auto& row : tx.exec("related_remote_inboxes", account)) {
    out.push_back(row[0].as<std::string>());
  }
  return out;
}

std::vector<std::string> DeliveryHostRepository::all_inboxes(Tx& tx) {
  std::vector<std::string> out;
  for (const auto& row : tx.exec("all_remote_inboxes")) {
    out.push_back(row[0].as<std::string>());
  }
  return out;
}

DeliveryHostRepository::RemoteImages DeliveryHostRepository::remote_images(Tx& tx,
                                                                           std::int64_t account) {
  RemoteImages out;
  auto r = tx.exec("account_remote_images", account);
  if (r.empty()) return out;
  out.avatar_url = r[0][0].as<std::string>();
  out.header_url = r[0][1].as<std::string>();
  out.avatar_cached = r[0][2].as<bool>();
  out.header_cached = r[0][3].as<bool>();
  return out;
}

void DeliveryHostRepository::set_remote_images(Tx& tx, std::int64_t account,
                                               const std::optional<std::string>& avatar_url,
                                               const std::optional<std::string>& header_url) {
  tx.exec("account_set_remote_images", account, avatar_url, header_url);
}

std::int64_t DeliveryHostRepository::expire_remote_statuses(Tx& tx, int older_than_days,
                                                            int limit) {
  return static_cast<std::int64_t>(
      tx.exec("remote_statuses_expire", older_than_days, limit).affected_rows());
}

void DeliveryHostRepository::set_follow_request_uri(Tx& tx, std::int64_t requester,
                                                    std::int64_t target, const std::string& uri) {
  tx.exec("follow_request_set_uri", requester, target, uri);
}

std::optional<std::string> DeliveryHostRepository::follow_request_uri(Tx& tx,
                                                                      std::int64_t requester,
                                                                      std::int64_t target) {
  auto r = tx.exec("follow_request_uri", requester, target);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<std::string>();
}

}  // namespace lox::db
