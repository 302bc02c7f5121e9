#pragma once
// Running an administrative command against the instance's services (cli/admin_commands.cpp).

#include "cli/logging.hpp"

#include <loxodon/app/database_options_for.hpp>
#include <loxodon/app/services.hpp>
#include <loxodon/config/config_error.hpp>
#include <loxodon/config/config_loader.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/util/error.hpp>

#include <spdlog/spdlog.h>

#include <exception>
#include <iostream>
#include <optional>
#include <string>

namespace lox::cli {

inline constexpr int kOk = 0;
inline constexpr int kFailed = 1;
inline constexpr int kUsage = 2;

// Runs one coroutine against freshly wired services and returns its exit code.
template <class F>
int with_services(const std::optional<std::string>& config_path, F body) {
  config::Config config;
  try {
    config = config::load_config(config_path, config::loxodon_environment(),
                                 config::Requirement::kServe);
  } catch (const config::ConfigError& e) {
    std::cerr << "loxodon: config error: " << e.what() << "\n";
    return kUsage;
  }
  setup_logging(config.log_level, config.log_format);
  auto log = spdlog::get("lox.cli");
  db::DatabaseOptions dbo = app::database_options_for(config);
  dbo.pool_size = 2;
  db::Database db(dbo);
  asio::thread_pool blocking(1);
  app::Services services(config, db, blocking);
  services.ids.require_lease();  // a command may run beside `serve` processes on this database
  asio::io_context io{1};
  int code = kFailed;
  auto leased = [&]() -> awaitable<int> {
    co_await services.id_lease.acquire();
    asio::co_spawn(io, services.id_lease.keep(), asio::detached);
    int result = kFailed;
    std::exception_ptr error;
    try {
      result = co_await body(services);
    } catch (...) {
      error = std::current_exception();
    }
    services.id_lease.stop();
    co_await services.id_lease.release();
    if (error) std::rethrow_exception(error);
    co_return result;
  };
  asio::co_spawn(io, leased(), [&](std::exception_ptr e, int result) {
    if (!e) {
      code = result;
      return;
    }
    try {
      std::rethrow_exception(e);
    } catch (const Error& err) {
      // The operator's own terminal: the internal detail helps and holds no secrets.
      log->error("{}{}{}", err.what(), err.detail().empty() ? "" : ": ", err.detail());
      code = kFailed;
    } catch (const std::exception& err) {
      log->error("{}", err.what());
    }
  });
  io.run();
  blocking.join();
  return code;
}

}  // namespace lox::cli
