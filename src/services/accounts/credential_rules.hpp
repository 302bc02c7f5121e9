#pragma once

#include <loxodon/services/validation_errors.hpp>

#include <string>

namespace lox::services {

// Mastodon's rules for an e-mail address and a password, shared by sign-up and by the owner's
// own changes so both refuse the same values in the same words.
bool plausible_email(const std::string& email);
void check_password_rules(ValidationErrors& errors, const std::string& password);

}  // namespace lox::services
