#include <loxodon/services/federation/inbox_job.hpp>

namespace lox::services {

void to_json(nlohmann::json& j, const InboxPayload& p) {
  j = {{"activity", p.activity},
       {"recipient", p.recipient ? nlohmann::json(*p.recipient) : nlohmann::json(nullptr)}};
}

void from_json(const nlohmann::json& j, InboxPayload& p) {
  p.activity = j.at("activity");
  p.recipient.reset();
  if (j.contains("recipient") && j["recipient"].is_string())
    p.recipient = j["recipient"].get<std::string>();
}

}  // namespace lox::services
