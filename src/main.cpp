#include <loxodon/cli/cli.hpp>

#include <malloc.h>

#include <cstdlib>

int main(int argc, char** argv) {
  // glibc gives every thread that allocates an arena of its own, up to eight per core, and each
  // keeps the memory it freed: a serve process with its HTTP, database, job and worker threads
  // grew to twice its working set at rest. Two arenas keep allocation fast on the threads that
  // allocate most (HTTP and the database pool) and the rest from holding memory. An operator's
  // MALLOC_ARENA_MAX still wins.
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
  return lox::cli::run(argc, argv);
}
