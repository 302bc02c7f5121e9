#include <loxodon/api/mastodon/checkout/checkout_module.hpp>

namespace lox::api::mastodon {

CheckoutModule::CheckoutModule(services::CheckoutService& checkout) : checkout_(checkout) {}

void CheckoutModule::add_routes(Endpoints& e) {
  e.add({"POST", "/api/v1/funding/checkout", Access::kUser, {"write:accounts"}},
        [this](Call& c) { return membership_checkout(c); });
  e.add({"POST", "/api/v1/funding/donations/checkout", Access::kPublic, {}},
        [this](Call& c) { return donation_checkout(c); });
  e.add({"POST", "/api/v1/funding/seats/checkout", Access::kUser, {"write:accounts"}},
        [this](Call& c) { return seat_checkout(c); });
  e.add({"POST", "/api/v1/funding/membership/cancel", Access::kUser, {"write:accounts"}},
        [this](Call& c) { return cancel_membership(c); });
  e.add({"POST", "/api/v1/admin/ledger/:id/refund_payment", Access::kUser, {"admin:write"}},
        [this](Call& c) { return refund_payment(c); });
}

}  // namespace lox::api::mastodon
