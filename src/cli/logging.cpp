#include "cli/logging.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace lox::cli {

void setup_logging(const std::string& level) {
  auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  auto lvl = spdlog::level::from_str(level);
  for (const char* name : {"lox.app", "lox.http", "lox.db", "lox.jobs", "lox.cli"}) {
    if (spdlog::get(name)) continue;
    auto logger = std::make_shared<spdlog::logger>(name, sink);
    logger->set_level(lvl);
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%-5l%$ [%n] %v", spdlog::pattern_time_type::utc);
    spdlog::register_logger(logger);
  }
  auto fallback = std::make_shared<spdlog::logger>("lox", sink);
  fallback->set_level(lvl);
  fallback->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%-5l%$ [%n] %v", spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(fallback);
}

}  // namespace lox::cli
