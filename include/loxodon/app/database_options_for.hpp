#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/database_options.hpp>
#include <loxodon/util/metrics.hpp>

namespace lox::app {

// The database options the configuration asks for: one mapping for `serve`, the CLI and tests,
// so a setting such as prepared_statements=false (PgBouncer) holds for every process.
db::DatabaseOptions database_options_for(const config::Config& config, Metrics* metrics = nullptr);

// The replica's pool (database.replica_url): the same settings on the replica's address. Its
// pool is not measured, so the gauges keep describing the primary's.
db::DatabaseOptions replica_options_for(const config::Config& config);

}  // namespace lox::app
