#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lox::cli {

// `loxodon accounts ...`, `tokens ...`, `invites ...` and `announcements ...`: operator commands
// that work on the database directly. `args` starts with the command name. Returns the exit code.
int run_admin_command(const std::optional<std::string>& config_path,
                      const std::vector<std::string>& args, bool help);

}  // namespace lox::cli
