#include "cli/logging.hpp"

#include <loxodon/util/json_log_formatter.hpp>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace lox::cli {

namespace {

constexpr const char* kTextPattern = "%Y-%m-%dT%H:%M:%S.%eZ %^%-5l%$ [%n] %v";

std::shared_ptr<spdlog::logger> make_logger(const std::string& name, spdlog::sink_ptr sink,
                                            spdlog::level::level_enum level, bool json) {
  auto logger = std::make_shared<spdlog::logger>(name, std::move(sink));
  logger->set_level(level);
  if (json) {
    logger->set_formatter(std::make_unique<JsonLogFormatter>());
  } else {
    logger->set_pattern(kTextPattern, spdlog::pattern_time_type::utc);
  }
  return logger;
}

}  // namespace

void setup_logging(const std::string& level, const std::string& format) {
  const bool json = format == "json";
  // Colours are escape sequences: a log collector reading JSON wants none.
  spdlog::sink_ptr sink;
  if (json) {
    sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  } else {
    sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  }
  auto lvl = spdlog::level::from_str(level);
  for (const char* name : {"lox.app", "lox.http", "lox.db", "lox.jobs", "lox.cli"}) {
    if (spdlog::get(name)) continue;
    spdlog::register_logger(make_logger(name, sink, lvl, json));
  }
  spdlog::set_default_logger(make_logger("lox", sink, lvl, json));
}

}  // namespace lox::cli
