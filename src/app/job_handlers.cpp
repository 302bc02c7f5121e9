#include <loxodon/app/job_handlers.hpp>
#include <loxodon/federation/delivery_job.hpp>
#include <loxodon/federation/remote_image_jobs.hpp>
#include <loxodon/services/federation/inbox_job.hpp>
#include <loxodon/services/instance/announcement_job.hpp>
#include <loxodon/services/instance/mail_job.hpp>
#include <loxodon/services/instance/maintenance_job.hpp>
#include <loxodon/services/media/media_jobs.hpp>
#include <loxodon/services/notifications/notify_job.hpp>
#include <loxodon/services/polls/poll_jobs.hpp>
#include <loxodon/services/statuses/fan_out_job.hpp>
#include <loxodon/services/statuses/preview_card_job.hpp>
#include <loxodon/services/statuses/scheduled_status_job.hpp>

namespace lox::app {

void register_job_handlers(jobs::Runtime& runtime, Services& s) {
  using namespace lox::services;
  runtime.on(kMaintenanceJob, [&s](PrunePayload p) { return s.maintenance.run(p); });
  runtime.on(kSendMailJob, [&s](MailMessage m) { return s.mail.run(std::move(m)); });
  runtime.on(kPublishAnnouncementJob, [&s](auto p) { return s.announcements.run_publish(p); });
  // Statuses
  runtime.on(kFanOutJob, [&s](FanOutPayload p) { return s.fan_out.run(p); });
  runtime.on(kNotifyJob, [&s](NotifyPayload p) { return s.notify.run(std::move(p)); });
  runtime.on(kPollUpdateJob, [&s](PollStatusPayload p) { return s.poll_jobs.run_update(p); });
  runtime.on(kPollExpiredJob, [&s](PollStatusPayload p) { return s.poll_jobs.run_expired(p); });
  runtime.on(kScheduledPublishJob, [&s](auto p) { return s.scheduled.run_publish(p); });
  runtime.on(kFetchPreviewCardJob, [&s](auto p) { return s.cards.run_fetch(p); });
  // Federation
  runtime.on(federation::kDeliverJob,
             [&s](federation::DeliveryPayload p) { return s.deliveries.run(std::move(p)); });
  runtime.on(kInboxJob, [&s](InboxPayload p) { return s.inbox.run_process(std::move(p)); });
  // Media
  runtime.on(kProcessMediaJob, [&s](MediaPayload p) { return s.media.run_process(p.media_id); });
  runtime.on(kFetchRemoteMediaJob,
             [&s](MediaPayload p) { return s.media.run_fetch_remote(p.media_id); });
  runtime.on(federation::kFetchProfileImageJob, [&s](federation::ProfileImagePayload p) {
    return s.media.run_fetch_profile_image(p.account_id, p.header);
  });
  runtime.on(federation::kFetchEmojiJob,
             [&s](federation::EmojiImagePayload p) { return s.media.run_fetch_emoji(p.emoji_id); });
}

}  // namespace lox::app
