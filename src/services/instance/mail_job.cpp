#include <loxodon/services/instance/mail_job.hpp>
#include <loxodon/util/blocking.hpp>

#include <spdlog/spdlog.h>

namespace lox::services {

MailJob::MailJob(const config::Config& config, asio::thread_pool& blocking)
    : smtp_(config.smtp), blocking_(blocking) {
  log_ = spdlog::get("lox.app");
  if (!log_) log_ = spdlog::default_logger();
}

awaitable<void> MailJob::run(MailMessage m) {
  auto send = [&] { smtp_.send(m.to, m.subject, m.body); };
  co_await run_blocking(blocking_, send);
  log_->info("mail sent: {}", m.subject);
}

}  // namespace lox::services
