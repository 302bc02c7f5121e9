#include <loxodon/services/instance/mail_job.hpp>
#include <loxodon/services/instance/mailer.hpp>

namespace lox::services {

void to_json(nlohmann::json& j, const MailMessage& m) {
  j = {{"to", m.to}, {"subject", m.subject}, {"body", m.body}};
}

void from_json(const nlohmann::json& j, MailMessage& m) {
  m.to = j.at("to").get<std::string>();
  m.subject = j.at("subject").get<std::string>();
  m.body = j.at("body").get<std::string>();
}

void Mailer::enqueue(db::Tx& tx, const MailMessage& message) const {
  if (!enabled()) return;
  jobs::JobOptions options;
  options.max_attempts = 10;
  jobs::enqueue(tx, kSendMailJob, message, options);
}

void Mailer::confirmation(db::Tx& tx, const std::string& to, const std::string& username,
                          const std::string& token) const {
  enqueue(tx, {to, "Confirm your e-mail address for " + config_.instance.title,
               "Hello @" + username + ",\n\nTo confirm this address for your account on " +
                   config_.domain + ", open:\n\n" + config_.base_url() +
                   "/auth/confirmation?confirmation_token=" + token +
                   "\n\nIf you did not sign up, ignore this message.\n"});
}

void Mailer::password_reset(db::Tx& tx, const std::string& to, const std::string& username,
                            const std::string& token) const {
  enqueue(tx, {to, "Reset your password on " + config_.instance.title,
               "Hello @" + username + ",\n\nTo choose a new password, open within 6 hours:\n\n" +
                   config_.base_url() + "/auth/password/edit?reset_password_token=" + token +
                   "\n\nIf you did not ask for this, ignore this message; your password is "
                   "unchanged.\n"});
}

void Mailer::approved(db::Tx& tx, const std::string& to, const std::string& username) const {
  enqueue(tx, {to, "Your account on " + config_.instance.title + " was approved",
               "Hello @" + username + ",\n\nYour account has been approved. Sign in at " +
                   config_.base_url() + "/auth/sign_in\n"});
}

}  // namespace lox::services
