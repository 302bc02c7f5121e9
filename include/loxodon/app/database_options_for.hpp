#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/database_options.hpp>
#include <loxodon/util/metrics.hpp>

namespace lox::app {

// The database options the configuration asks for: one mapping for `serve`, the CLI and tests,
// so a setting such as prepared_statements=false (PgBouncer) holds for every process.
db::DatabaseOptions database_options_for(const config::Config& config, Metrics* metrics = nullptr);

}  // namespace lox::app
