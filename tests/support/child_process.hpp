#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace lox::testing {

// A child process started from an executable with arguments; killed (SIGKILL) if still running
// when destroyed. stderr goes to `log_path` when given, so a failing test can show it.
class ChildProcess {
 public:
  ChildProcess(const std::string& executable, const std::vector<std::string>& args,
               const std::string& log_path = "");
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  void signal(int sig);
  // Waits for exit; returns the exit status, or -signal when killed, or nullopt-like -1000 on
  // timeout.
  int wait(std::chrono::milliseconds timeout);
  bool running();

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
};

// This test executable's own path (to start it again as a worker child).
std::string self_executable();

}  // namespace lox::testing
