#include "http/access_log.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace lox::http::detail {

void AccessLog::answered(const Request& req, const Answered& a,
                         std::chrono::steady_clock::time_point started) const {
  const auto elapsed = std::chrono::steady_clock::now() - started;
  if (options_.metrics != nullptr) {
    options_.metrics->record_request(a.route, req.method, a.status,
                                     std::chrono::duration<double>(elapsed).count());
  }
  if (!options_.access_log) return;
  // The path only: query strings can carry access tokens (streaming) and never go to logs.
  const std::string& address = a.log_address ? req.remote_address : std::string("-");
  if (options_.json_log) {
    nlohmann::json line = {
        {"message", req.method + " " + req.path + " " + std::to_string(a.status)},
        {"request_id", req.request_id},
        {"method", req.method},
        {"path", req.path},
        {"route", a.route},
        {"status", a.status},
        {"bytes", a.bytes},
        {"duration_ms", std::chrono::duration<double, std::milli>(elapsed).count()},
        {"ip", address}};
    if (!a.note.empty()) line["note"] = a.note;
    // Paths are not necessarily UTF-8: replaced rather than thrown on.
    log_->info("{}", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count();
  if (a.note.empty()) {
    log_->info("req={} {} {} {} {}B {}us ip={}", req.request_id, req.method, req.path, a.status,
               a.bytes, us, address);
  } else {
    log_->info("req={} {} {} {} {} ip={}", req.request_id, req.method, req.path, a.status, a.note,
               address);
  }
}

}  // namespace lox::http::detail
