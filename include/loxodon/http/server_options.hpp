#pragma once

#include <loxodon/util/ip_network.hpp>
#include <loxodon/util/metrics.hpp>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace lox::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 0;  // 0 picks a free port (tests)
  std::size_t max_body_bytes = 1024 * 1024;
  std::size_t max_header_bytes = 16 * 1024;
  std::chrono::seconds header_timeout{15};  // a request head must arrive within this
  std::chrono::seconds idle_timeout{75};    // keep-alive connections close after this
  std::chrono::seconds body_timeout{60};
  std::chrono::seconds write_timeout{30};
  std::vector<IpNetwork> trusted_proxies;
  bool access_log = true;
  // The access line's message is a JSON object of its fields (request_id, method, route,
  // status, duration_ms, ...), for the JSON log format (LOXODON_LOG_FORMAT=json).
  bool json_log = false;
  // Requests by route, method and status, and their latency; streaming connections. Null: not
  // measured.
  Metrics* metrics = nullptr;
  // Open connections one address may hold (trusted proxies are not counted): more are answered
  // 503 and closed, so idle or slow clients from one place cannot take every connection.
  std::size_t max_connections_per_ip = 256;
  // A body larger than this is read only after the route's gate (the access token, for API
  // routes that need one) accepted the request's head.
  std::size_t unauthenticated_body_bytes = 64 * 1024;
  // Where routes that spool (uploads) write large bodies; empty is the system's temporary
  // directory ($TMPDIR or /tmp). Files there have no name and vanish when closed.
  std::filesystem::path spool_directory;
};

}  // namespace lox::http
