#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/jobs/job_kind.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace lox::federation {

// One activity for one inbox, signed by `signer` when it is sent (keys are read at send time,
// never stored in the job).
struct DeliveryPayload {
  std::string inbox;
  nlohmann::json activity;
  std::int64_t signer = 0;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(DeliveryPayload, inbox, activity, signer)

inline constexpr jobs::JobKind<DeliveryPayload> kDeliverJob{
    "activitypub.deliver", "deliver", "signs and POSTs one activity to one remote inbox"};

// The `signer` that stands for the instance actor (/actor), which signs what the server itself
// sends (forwarded reports).
inline constexpr std::int64_t kInstanceActorSigner = 0;

// Queues `activity` for `inbox` in the caller's transaction, to be signed by the local account
// `signer` when it is sent. Deliveries to one host:port share a concurrency key.
void enqueue_delivery(db::Tx& tx, const std::string& inbox, const nlohmann::json& activity,
                      std::int64_t signer);

}  // namespace lox::federation
