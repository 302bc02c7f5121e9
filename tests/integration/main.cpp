// The integration test executable doubles as a job worker process for the multi-process queue
// tests: `loxodon_integration_tests --job-worker-child ...` runs a worker instead of the tests.
#include "worker_child.hpp"

#include <gtest/gtest.h>

#include <cstring>

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--job-worker-child") == 0) {
    return lox::testing::run_worker_child(argc - 2, argv + 2);
  }
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
