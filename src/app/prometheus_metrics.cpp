#include <loxodon/app/prometheus_metrics.hpp>

#include <prometheus/counter.h>
#include <prometheus/exposer.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <array>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace lox::app {

namespace {

using prometheus::Counter;
using prometheus::Family;
using prometheus::Gauge;
using prometheus::Histogram;

// Request latency: from a cached page (well under a millisecond) to the slowest pages.
const Histogram::BucketBoundaries kRequestBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                     0.25,  0.5,    1,     2.5,  5,     10};
// Waiting for a pooled connection: normally nothing, seconds under overload.
const Histogram::BucketBoundaries kPoolWaitBuckets = {0.0001, 0.0005, 0.001, 0.005, 0.01,
                                                      0.05,   0.1,    0.5,   1,     5};
// Jobs and media: from a notification (milliseconds) to a large video (a minute).
const Histogram::BucketBoundaries kWorkBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                                                  1,     2.5,  5,     10,   30,  60,   120};

// Methods a client may send are any token: only the usual ones become label values.
std::string method_label(std::string_view method) {
  static constexpr std::array<std::string_view, 8> kKnown = {
      "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT"};
  for (auto known : kKnown) {
    if (method == known) return std::string(known);
  }
  return "OTHER";
}

const char* outcome_label(JobOutcome outcome) {
  switch (outcome) {
    case JobOutcome::kCompleted:
      return "completed";
    case JobOutcome::kRetrying:
      return "retrying";
    case JobOutcome::kDiscarded:
      return "discarded";
  }
  return "unknown";
}

const char* result_label(DeliveryResult result) {
  switch (result) {
    case DeliveryResult::kDelivered:
      return "delivered";
    case DeliveryResult::kFailed:
      return "failed";
    case DeliveryResult::kRejected:
      return "rejected";
    case DeliveryResult::kSkipped:
      return "skipped";
  }
  return "unknown";
}

}  // namespace

struct PrometheusMetrics::Impl {
  std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
  std::unique_ptr<prometheus::Exposer> exposer;

  Family<Counter>& requests =
      prometheus::BuildCounter()
          .Name("loxodon_http_requests_total")
          .Help("HTTP requests answered, by route pattern, method and status")
          .Register(*registry);
  Family<Histogram>& request_seconds =
      prometheus::BuildHistogram()
          .Name("loxodon_http_request_duration_seconds")
          .Help("Time from a request's first byte to its answer written, by route pattern")
          .Register(*registry);
  Family<Counter>& jobs_completed = prometheus::BuildCounter()
                                        .Name("loxodon_jobs_completed_total")
                                        .Help("Job attempts that succeeded, by kind")
                                        .Register(*registry);
  Family<Counter>& jobs_failed =
      prometheus::BuildCounter()
          .Name("loxodon_jobs_failed_total")
          .Help("Job attempts that failed, by kind and whether the job will be retried")
          .Register(*registry);
  Family<Histogram>& job_seconds = prometheus::BuildHistogram()
                                       .Name("loxodon_job_duration_seconds")
                                       .Help("Time a job attempt's handler ran, by kind")
                                       .Register(*registry);
  Family<Gauge>& jobs_in_state =
      prometheus::BuildGauge()
          .Name("loxodon_jobs")
          .Help("Jobs in the shared queue by state, sampled from the database")
          .Register(*registry);
  Family<Gauge>& jobs_queued = prometheus::BuildGauge()
                                   .Name("loxodon_jobs_queued")
                                   .Help("Jobs waiting to run by kind, sampled from the database")
                                   .Register(*registry);
  Family<Gauge>& jobs_oldest =
      prometheus::BuildGauge()
          .Name("loxodon_jobs_oldest_age_seconds")
          .Help("How long the oldest waiting job of a kind has been due, sampled")
          .Register(*registry);
  Family<Counter>& deliveries = prometheus::BuildCounter()
                                    .Name("loxodon_deliveries_total")
                                    .Help("ActivityPub deliveries by result")
                                    .Register(*registry);
  Family<Gauge>& delivery_hosts =
      prometheus::BuildGauge()
          .Name("loxodon_delivery_hosts")
          .Help("Remote hosts with delivery failures (failing) and marked unavailable, sampled")
          .Register(*registry);
  Family<Histogram>& pool_wait = prometheus::BuildHistogram()
                                     .Name("loxodon_db_pool_wait_seconds")
                                     .Help("Time database work waited for a pooled connection")
                                     .Register(*registry);
  Family<Gauge>& pool_in_use = prometheus::BuildGauge()
                                   .Name("loxodon_db_pool_in_use")
                                   .Help("Pooled database connections in use")
                                   .Register(*registry);
  Family<Gauge>& streams = prometheus::BuildGauge()
                               .Name("loxodon_streaming_connections")
                               .Help("Open streaming connections (WebSocket and event streams)")
                               .Register(*registry);
  Family<Counter>& stream_drops =
      prometheus::BuildCounter()
          .Name("loxodon_streaming_drops_total")
          .Help("Streaming connections closed because the client fell too far behind")
          .Register(*registry);
  Family<Histogram>& media_seconds = prometheus::BuildHistogram()
                                         .Name("loxodon_media_processing_seconds")
                                         .Help("Time processing one media upload took, by kind")
                                         .Register(*registry);

  Histogram& pool_wait_histogram = pool_wait.Add({}, kPoolWaitBuckets);
  Gauge& pool_in_use_gauge = pool_in_use.Add({});
  Gauge& streams_gauge = streams.Add({});
  Counter& stream_drops_counter = stream_drops.Add({});
  Gauge& hosts_failing = delivery_hosts.Add({{"state", "failing"}});
  Gauge& hosts_unavailable = delivery_hosts.Add({{"state", "unavailable"}});

  // The series of one route, method and status, found once: Family::Add builds a label map
  // and hashes it on every call, which would be paid by every request.
  struct RequestSeries {
    Counter* count = nullptr;
    Histogram* seconds = nullptr;
  };
  std::mutex series_mutex;
  std::unordered_map<std::string, RequestSeries> series;

  RequestSeries& request_series(std::string_view route, std::string_view method, unsigned status) {
    std::string key;
    key.reserve(route.size() + 16);
    key.append(route).append(" ").append(method).append(" ").append(std::to_string(status));
    std::lock_guard lock(series_mutex);
    auto [it, added] = series.try_emplace(std::move(key));
    if (added) {
      std::string route_label(route);
      it->second.count = &requests.Add({{"route", route_label},
                                        {"method", std::string(method)},
                                        {"status", std::to_string(status)}});
      it->second.seconds = &request_seconds.Add({{"route", route_label}}, kRequestBuckets);
    }
    return it->second;
  }
};

PrometheusMetrics::PrometheusMetrics() : impl_(std::make_unique<Impl>()) {}
PrometheusMetrics::~PrometheusMetrics() = default;

int PrometheusMetrics::listen(const std::string& address) {
  try {
    // One thread: a scrape every few seconds needs no more.
    impl_->exposer = std::make_unique<prometheus::Exposer>(address, 1);
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot serve metrics on " + address + ": " + e.what());
  }
  impl_->exposer->RegisterCollectable(impl_->registry);
  auto ports = impl_->exposer->GetListeningPorts();
  return ports.empty() ? 0 : ports.front();
}

std::string PrometheusMetrics::scrape() const {
  return prometheus::TextSerializer().Serialize(impl_->registry->Collect());
}

void PrometheusMetrics::record_request(std::string_view route, std::string_view method,
                                       unsigned status, double seconds) {
  auto& s = impl_->request_series(route, method_label(method), status);
  s.count->Increment();
  s.seconds->Observe(seconds);
}

void PrometheusMetrics::record_job(std::string_view kind, JobOutcome outcome, double seconds) {
  std::string k(kind);
  if (outcome == JobOutcome::kCompleted) {
    impl_->jobs_completed.Add({{"kind", k}}).Increment();
  } else {
    impl_->jobs_failed.Add({{"kind", k}, {"outcome", outcome_label(outcome)}}).Increment();
  }
  impl_->job_seconds.Add({{"kind", k}}, kWorkBuckets).Observe(seconds);
}

void PrometheusMetrics::set_jobs_in_state(std::string_view state, double jobs) {
  impl_->jobs_in_state.Add({{"state", std::string(state)}}).Set(jobs);
}

void PrometheusMetrics::set_job_queue(std::string_view kind, double queued,
                                      double oldest_age_seconds) {
  std::string k(kind);
  impl_->jobs_queued.Add({{"kind", k}}).Set(queued);
  impl_->jobs_oldest.Add({{"kind", k}}).Set(oldest_age_seconds);
}

void PrometheusMetrics::record_delivery(DeliveryResult result) {
  impl_->deliveries.Add({{"result", result_label(result)}}).Increment();
}

void PrometheusMetrics::set_delivery_hosts(double failing, double unavailable) {
  impl_->hosts_failing.Set(failing);
  impl_->hosts_unavailable.Set(unavailable);
}

void PrometheusMetrics::record_db_pool_wait(double seconds) {
  impl_->pool_wait_histogram.Observe(seconds);
}

void PrometheusMetrics::set_db_pool_in_use(double connections) {
  impl_->pool_in_use_gauge.Set(connections);
}

void PrometheusMetrics::stream_opened() { impl_->streams_gauge.Increment(); }
void PrometheusMetrics::stream_closed() { impl_->streams_gauge.Decrement(); }
void PrometheusMetrics::record_stream_drop() { impl_->stream_drops_counter.Increment(); }

void PrometheusMetrics::record_media_processing(std::string_view kind, double seconds) {
  impl_->media_seconds.Add({{"kind", std::string(kind)}}, kWorkBuckets).Observe(seconds);
}

}  // namespace lox::app
