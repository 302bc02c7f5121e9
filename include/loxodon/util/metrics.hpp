#pragma once

#include <string_view>

namespace lox {

// How a job attempt ended, as the runtime recorded it.
enum class JobOutcome { kCompleted, kRetrying, kDiscarded };

// How one delivery job ended: sent (2xx), failed and retried, refused for good (a 4xx that will
// not change), or skipped because the host is marked unavailable.
enum class DeliveryResult { kDelivered, kFailed, kRejected, kSkipped };

// What the server counts and times for operators (Prometheus, LOXODON_METRICS_LISTEN). An
// interface on the lowest floor so that every module can record without knowing the exporter:
// the exporter (app::PrometheusMetrics) is built by the composition root and handed down as a
// pointer in each part's options; a null pointer means "not measured" (tests, the CLI, metrics
// off). Every call may come from any thread and must be cheap: an atomic update, no I/O.
//
// Labels stay bounded: routes are patterns (/api/v1/statuses/:id), never raw paths; methods
// outside the usual set are counted as "OTHER" by the exporter.
class Metrics {
 public:
  virtual ~Metrics() = default;

  // One answered request; `route` is the matched pattern, or "unmatched".
  virtual void record_request(std::string_view route, std::string_view method, unsigned status,
                              double seconds) = 0;

  // One finished job attempt of `kind` that ran for `seconds`.
  virtual void record_job(std::string_view kind, JobOutcome outcome, double seconds) = 0;
  // Sampled from the database: jobs per state (available, retryable, running, discarded).
  virtual void set_jobs_in_state(std::string_view state, double jobs) = 0;
  // Sampled from the database: jobs waiting to run of `kind`, and how long the oldest has been
  // due.
  virtual void set_job_queue(std::string_view kind, double queued, double oldest_age_seconds) = 0;

  virtual void record_delivery(DeliveryResult result) = 0;
  // Sampled from the database: hosts with recorded delivery failures, and those of them marked
  // unavailable.
  virtual void set_delivery_hosts(double failing, double unavailable) = 0;

  // How long a database operation waited for a pooled connection.
  virtual void record_db_pool_wait(double seconds) = 0;
  virtual void set_db_pool_in_use(double connections) = 0;

  // Streaming connections (WebSocket and server-sent events); a drop is a connection closed
  // because its consumer fell too far behind.
  virtual void stream_opened() = 0;
  virtual void stream_closed() = 0;
  virtual void record_stream_drop() = 0;

  // Processing one upload of `kind` (image, video, audio, ...) took `seconds`.
  virtual void record_media_processing(std::string_view kind, double seconds) = 0;
};

}  // namespace lox
