#pragma once

#include <loxodon/util/metrics.hpp>

#include <memory>
#include <string>

namespace lox::app {

// The Metrics of a `serve` process, exported in Prometheus' text format at
// http://LOXODON_METRICS_LISTEN/metrics (prometheus-cpp's registry and its small HTTP server,
// on threads of its own: a scrape never waits on the API's io thread). The metric names and
// labels are listed in docs/admin-guide.md ("Metrics and logs").
class PrometheusMetrics final : public Metrics {
 public:
  PrometheusMetrics();
  ~PrometheusMetrics() override;
  PrometheusMetrics(const PrometheusMetrics&) = delete;
  PrometheusMetrics& operator=(const PrometheusMetrics&) = delete;

  // Serves /metrics on `address` ("127.0.0.1:9394", "[::1]:9394"); returns the bound port.
  // Throws std::runtime_error when the address cannot be bound.
  int listen(const std::string& address);

  // The exposition text, as a scrape would see it (tests).
  std::string scrape() const;

  void record_request(std::string_view route, std::string_view method, unsigned status,
                      double seconds) override;
  void record_job(std::string_view kind, JobOutcome outcome, double seconds) override;
  void set_jobs_in_state(std::string_view state, double jobs) override;
  void set_job_queue(std::string_view kind, double queued, double oldest_age_seconds) override;
  void record_delivery(DeliveryResult result) override;
  void set_delivery_hosts(double failing, double unavailable) override;
  void record_db_pool_wait(double seconds) override;
  void set_db_pool_in_use(double connections) override;
  void stream_opened() override;
  void stream_closed() override;
  void record_stream_drop() override;
  void record_media_processing(std::string_view kind, double seconds) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lox::app
