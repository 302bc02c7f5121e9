#pragma once

#include <loxodon/config/config.hpp>

#include <memory>

namespace lox::app {

// The composition root of `loxodon serve`: builds the io_contexts, the database pool, services,
// routes and job handlers, runs until SIGTERM/SIGINT and shuts down in order (stop accepting,
// finish requests in flight, drain jobs).
class Application {
 public:
  explicit Application(config::Config config);
  ~Application();
  Application(const Application&) = delete;
  Application& operator=(const Application&) = delete;

  // Returns the process exit code.
  int run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lox::app
