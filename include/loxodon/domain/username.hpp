#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lox::domain {

inline constexpr std::size_t kMaxUsernameLength = 30;

// Why a local username cannot be registered (Mastodon's rules: letters, digits and underscores,
// at most 30 characters, not a reserved word), or nullopt when it can.
std::optional<std::string> username_problem(std::string_view username);

bool is_reserved_username(std::string_view username);

std::string lowercase(std::string_view text);

}  // namespace lox::domain
