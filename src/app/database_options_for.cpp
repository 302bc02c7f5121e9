#include <loxodon/app/database_options_for.hpp>

namespace lox::app {

db::DatabaseOptions database_options_for(const config::Config& config, Metrics* metrics) {
  db::DatabaseOptions o;
  o.url = config.database.url;
  o.direct_url = config.database.direct_url;
  o.pool_size = config.database.pool_size;
  o.statement_timeout = config.database.statement_timeout;
  o.prepared_statements = config.database.prepared_statements;
  o.metrics = metrics;
  return o;
}

db::DatabaseOptions replica_options_for(const config::Config& config) {
  db::DatabaseOptions o = database_options_for(config);
  o.url = config.database.replica_url;
  o.direct_url.clear();  // nothing holding a session (LISTEN, migrations) runs on a replica
  return o;
}

}  // namespace lox::app
