#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace lox::activitypub {

// Mastodon's Flag (ActivityPub::FlagSerializer): a report forwarded to the reported account's
// server, sent by the instance actor so the reporter stays anonymous there. `object` lists the
// account, then the reported statuses.
nlohmann::json flag_activity(const std::string& id, const std::string& instance_actor,
                             const std::string& target_actor,
                             const std::vector<std::string>& status_uris,
                             const std::string& comment);

// What an inbound Flag reports: the ids it names (accounts and statuses, in any form) and its
// comment as plain text (at most domain::kMaxReportComment characters' worth).
struct RemoteFlag {
  std::string id;
  std::vector<std::string> objects;
  std::string comment;
};
RemoteFlag read_flag(const nlohmann::json& activity);

}  // namespace lox::activitypub
