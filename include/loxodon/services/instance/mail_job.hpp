#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/jobs/job_kind.hpp>
#include <loxodon/net/smtp_client.hpp>
#include <loxodon/services/instance/mailer.hpp>
#include <loxodon/util/asio.hpp>

#include <memory>

namespace spdlog {
class logger;
}

namespace lox::services {

// Enqueued by Mailer (only with smtp.host set).
inline constexpr jobs::JobKind<MailMessage> kSendMailJob{
    "mail.send", "default", "hands one account e-mail to the SMTP server"};

// Runs mail.send jobs: the SMTP conversation runs on the blocking pool, never on an io thread.
class MailJob {
 public:
  MailJob(const config::Config& config, asio::thread_pool& blocking);
  awaitable<void> run(MailMessage message);

 private:
  net::SmtpClient smtp_;
  asio::thread_pool& blocking_;
  std::shared_ptr<spdlog::logger> log_;
};

}  // namespace lox::services
