#pragma once

#include <loxodon/app/services.hpp>
#include <loxodon/jobs/runtime.hpp>

namespace lox::app {

// Registers the handler of every job kind with `runtime`: the one list of what this server runs
// in the background (docs/jobs.md is generated from it). Each kind is declared beside its
// payload and enqueue function in a `*_job.hpp` or `*_jobs.hpp` of the feature that owns it.
void register_job_handlers(jobs::Runtime& runtime, Services& services);

}  // namespace lox::app
