#pragma once

namespace lox::db {

// Where a read without a transaction runs (Database::read).
enum class ReadFrom {
  kPrimary,  // must see every commit so far: the caller's own writes, what a job just did
  kReplica,  // may lag by the replica's replay delay (timelines, other people's statuses)
};

}  // namespace lox::db
