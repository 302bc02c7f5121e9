#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/tx.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace lox::services {

struct MailMessage {
  std::string to;
  std::string subject;
  std::string body;  // plain text
};

void to_json(nlohmann::json& j, const MailMessage& m);
void from_json(const nlohmann::json& j, MailMessage& m);

// Queues account e-mail as durable jobs (kSendMailJob, mail_job.hpp), written in the same
// transaction as the change that causes it; MailJob hands it to the SMTP server. Without SMTP
// configured, nothing is queued.
class Mailer {
 public:
  explicit Mailer(const config::Config& config) : config_(config) {}
  bool enabled() const { return !config_.smtp.host.empty(); }
  void enqueue(db::Tx& tx, const MailMessage& message) const;

  void confirmation(db::Tx& tx, const std::string& to, const std::string& username,
                    const std::string& token) const;
  void password_reset(db::Tx& tx, const std::string& to, const std::string& username,
                      const std::string& token) const;
  void approved(db::Tx& tx, const std::string& to, const std::string& username) const;

 private:
  const config::Config& config_;
};

}  // namespace lox::services
