#pragma once

#include <loxodon/jobs/job_kind.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace lox::services {

// An activity whose signature, actor and origin held when it arrived, waiting to be applied
// (InboxService::run_process hands it to the handler of its type).
struct InboxPayload {
  nlohmann::json activity;
  std::optional<std::string> recipient;  // the personal inbox's user; none for the shared one
};
void to_json(nlohmann::json& j, const InboxPayload& p);
void from_json(const nlohmann::json& j, InboxPayload& p);

inline constexpr jobs::JobKind<InboxPayload> kInboxJob{"activitypub.inbox", "inbox",
                                                       "applies one verified incoming activity"};

}  // namespace lox::services
