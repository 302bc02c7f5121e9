#pragma once

namespace lox::cli {

// Parses the command line and runs one command. Exit codes: 0 success, 1 the command failed,
// 2 bad usage or configuration. Logs go to stderr; stdout carries only a command's output.
int run(int argc, char** argv);

}  // namespace lox::cli
