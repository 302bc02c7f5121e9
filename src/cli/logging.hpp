#pragma once

#include <string>

namespace lox::cli {

// One stderr logger per module (lox.app, lox.http, lox.db, lox.jobs), sharing one sink.
void setup_logging(const std::string& level);

}  // namespace lox::cli
