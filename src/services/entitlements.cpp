#include <loxodon/db/membership_repository.hpp>
#include <loxodon/services/entitlements.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace lox::services {

domain::Entitlements combine_entitlements(const std::vector<std::string>& plan_entitlements) {
  domain::Entitlements out;
  for (const auto& text : plan_entitlements) {
    auto plan = nlohmann::json::parse(text, nullptr, false);
    if (!plan.is_object()) continue;
    if (auto it = plan.find("max_characters"); it != plan.end() && it->is_number_unsigned()) {
      out.max_characters = std::max(out.max_characters.value_or(0), it->get<std::size_t>());
    }
    if (auto it = plan.find("ad_free"); it != plan.end() && it->is_boolean() && it->get<bool>()) {
      out.ad_free = true;
    }
  }
  return out;
}

domain::Entitlements current_entitlements(db::Tx& tx, std::int64_t account_id, int grace_days) {
  return combine_entitlements(
      db::MembershipRepository::entitlements_for(tx, account_id, grace_days));
}

}  // namespace lox::services
