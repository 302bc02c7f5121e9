#include <loxodon/db/job_repository.hpp>
#include <loxodon/jobs/job_queue.hpp>

namespace lox::jobs {

std::optional<std::int64_t> enqueue(db::Tx& tx, const NewJob& job) {
  return db::JobRepository::enqueue(tx, job);
}

}  // namespace lox::jobs
