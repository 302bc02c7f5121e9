#pragma once

#include <loxodon/config/config.hpp>

#include <string>

namespace lox::net {

// Sends one plain-text message through the configured SMTP server with libcurl (STARTTLS, TLS
// or, for a local relay, none). Blocking: run it on the blocking pool. Throws
// std::runtime_error with curl's message (never the password) when the server refuses.
class SmtpClient {
 public:
  explicit SmtpClient(const config::SmtpConfig& config) : config_(config) {}
  void send(const std::string& to, const std::string& subject, const std::string& body) const;

  // The full RFC 5322 message as sent (exposed for tests).
  std::string format(const std::string& to, const std::string& subject, const std::string& body,
                     const std::string& message_id) const;

 private:
  const config::SmtpConfig& config_;
};

}  // namespace lox::net

namespace lox::net {

// Process-wide libcurl setup; call once from main before any thread starts.
void initialize_network_libraries();

}  // namespace lox::net
