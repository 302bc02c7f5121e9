#pragma once

#include "api/mastodon/json_writer.hpp"

#include <loxodon/config/config.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/oauth.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// Mastodon's REST::AccountSerializer, CredentialAccountSerializer and the Application entities.
nlohmann::json account_json(const config::Config& config, const domain::Account& account);
// The same, streamed into a writer (pages of statuses).
void write_account(JsonWriter& writer, const config::Config& config,
                   const domain::Account& account);
nlohmann::json credential_account_json(const config::Config& config,
                                       const domain::UserWithAccount& user);
nlohmann::json role_json(const domain::Role& role);
nlohmann::json application_json(const domain::OAuthApplication& app, const std::string& vapid_key);
// An all-false Relationship for an account the viewer has no relation with yet.
nlohmann::json empty_relationship_json(std::int64_t account_id);

}  // namespace lox::api::mastodon
