#pragma once

#include <string>

namespace lox::cli {

// One stderr logger per module (lox.app, lox.http, lox.db, lox.jobs), sharing one sink.
// `format` is "text" (readable lines) or "json" (one JSON object per line, JsonLogFormatter).
void setup_logging(const std::string& level, const std::string& format = "text");

}  // namespace lox::cli
