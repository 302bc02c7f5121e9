#include "api/mastodon/plans/plan_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/plans/plans_module.hpp>

#include <optional>

namespace lox::api::mastodon {

// Records a seat of plan_id for a number of months, paid for by ledger_entry_id if given.
awaitable<http::Response> PlansModule::record_seat(Call& call) {
  auto plans = id_params(call.params, "plan_id");
  auto entries = id_params(call.params, "ledger_entry_id");
  auto months = call.params.integer("months").value_or(0);
  std::optional<std::int64_t> entry;
  if (!entries.empty()) entry = entries.front();
  // Checked before the cast, so a huge count cannot wrap into range; the service refuses 0.
  auto seat = co_await memberships_.record_seat(
      call.user(), plans.empty() ? 0 : plans.front(),
      months < 0 || months > 1000 ? 0 : static_cast<int>(months), entry);
  co_return http::Response::json(200, seat_json(seat));
}

}  // namespace lox::api::mastodon
