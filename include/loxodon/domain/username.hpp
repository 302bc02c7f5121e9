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

// Remote usernames are kept up to this length (a database index must hold them).
inline constexpr std::size_t kMaxRemoteUsernameLength = 255;

// Whether another server's preferredUsername may be stored, as Mastodon validates remote
// accounts (USERNAME_ONLY_RE): ASCII letters, digits and underscores, with dots and hyphens
// only between them. So no '@', no spaces, no control or bidi characters, nothing that would
// make @name@host read as someone else.
bool valid_remote_username(std::string_view username);

std::string lowercase(std::string_view text);

}  // namespace lox::domain
