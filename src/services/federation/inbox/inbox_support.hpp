#pragma once

// What the inbox's activity handlers (one file each in this folder) share.
#include <loxodon/net/http_client.hpp>
#include <loxodon/util/error.hpp>

#include <spdlog/spdlog.h>

#include <memory>
#include <string>

namespace lox::services::inbox {

inline Error unauthorized(const std::string& why) { return Error(ErrorCode::kUnauthorized, why); }

// host[:port] of an ActivityPub id, the unit of origin checks; empty when it is no URL.
inline std::string host_of(const std::string& url) {
  auto parsed = net::parse_url(url);
  return parsed ? parsed->authority() : "";
}

inline std::shared_ptr<spdlog::logger> log() {
  auto l = spdlog::get("lox.federation");
  return l ? l : spdlog::default_logger();
}

}  // namespace lox::services::inbox
