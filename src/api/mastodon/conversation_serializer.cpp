#include "api/mastodon/conversation_serializer.hpp"

#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/status_serializer.hpp"

namespace lox::api::mastodon {

using nlohmann::json;

json conversation_json(const config::Config& config, const services::ConversationView& c,
                       const services::StatusPage& statuses) {
  json accounts = json::array();
  for (const auto& a : c.accounts) accounts.push_back(account_json(config, a));
  return {{"id", std::to_string(c.row.id)},
          {"unread", c.row.unread},
          {"accounts", accounts},
          {"last_status",
           c.last_status ? status_json(config, *c.last_status, statuses) : json(nullptr)}};
}

}  // namespace lox::api::mastodon
