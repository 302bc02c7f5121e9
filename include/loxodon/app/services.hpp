#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/rate_limiter.hpp>
#include <loxodon/federation/activity_fetcher.hpp>
#include <loxodon/federation/actor_resolver.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/media/media_store.hpp>
#include <loxodon/net/http_client.hpp>
#include <loxodon/payments/payment_provider.hpp>
#include <loxodon/services/accounts/account_service.hpp>
#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/services/accounts/filter_service.hpp>
#include <loxodon/services/accounts/list_service.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/federation/actor_service.hpp>
#include <loxodon/services/federation/delivery_health_service.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/services/funding/checkout_service.hpp>
#include <loxodon/services/funding/donation_prompt_service.hpp>
#include <loxodon/services/funding/funding_service.hpp>
#include <loxodon/services/funding/ledger_service.hpp>
#include <loxodon/services/funding/membership_service.hpp>
#include <loxodon/services/funding/payment_webhook_service.hpp>
#include <loxodon/services/funding/sponsor_service.hpp>
#include <loxodon/services/funding/thanks_service.hpp>
#include <loxodon/services/instance/announcement_feed_service.hpp>
#include <loxodon/services/instance/announcement_service.hpp>
#include <loxodon/services/instance/health_service.hpp>
#include <loxodon/services/instance/id_node_lease.hpp>
#include <loxodon/services/instance/instance_secrets.hpp>
#include <loxodon/services/instance/instance_service.hpp>
#include <loxodon/services/instance/mail_job.hpp>
#include <loxodon/services/instance/mailer.hpp>
#include <loxodon/services/instance/maintenance_job.hpp>
#include <loxodon/services/instance/read_your_writes.hpp>
#include <loxodon/services/instance/shared_rate_limits.hpp>
#include <loxodon/services/media/custom_emoji_service.hpp>
#include <loxodon/services/media/media_service.hpp>
#include <loxodon/services/moderation/report_service.hpp>
#include <loxodon/services/notifications/notification_service.hpp>
#include <loxodon/services/notifications/notify_job.hpp>
#include <loxodon/services/notifications/streaming_service.hpp>
#include <loxodon/services/polls/poll_jobs.hpp>
#include <loxodon/services/polls/poll_service.hpp>
#include <loxodon/services/search/search_service.hpp>
#include <loxodon/services/statuses/conversation_service.hpp>
#include <loxodon/services/statuses/fan_out_job.hpp>
#include <loxodon/services/statuses/interaction_service.hpp>
#include <loxodon/services/statuses/preview_card_service.hpp>
#include <loxodon/services/statuses/scheduled_status_service.hpp>
#include <loxodon/services/statuses/status_reader.hpp>
#include <loxodon/services/statuses/status_service.hpp>
#include <loxodon/services/statuses/statuses_cleanup_service.hpp>
#include <loxodon/services/statuses/tag_service.hpp>
#include <loxodon/services/timelines/marker_service.hpp>
#include <loxodon/services/timelines/timeline_service.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/metrics.hpp>
#include <loxodon/util/snowflake.hpp>

#include <memory>

namespace lox::db {
class Database;
}

namespace lox::app {

// Every service, wired once with explicit dependencies (no globals). `serve`, the CLI and the
// integration tests build the same set. `metrics` (the serve process's, null elsewhere) times
// media processing and counts deliveries.
struct Services {
  Services(const config::Config& config, db::Database& db, asio::thread_pool& blocking,
           Metrics* metrics = nullptr);

  // Members are constructed in this order: each one is declared after everything it is given.
  const config::Config& config;
  db::Database& db;
  asio::thread_pool& blocking;
  // HTTP signatures of deliveries and signed fetches (an RSA private-key operation each): a pool
  // of their own, so image processing and password hashing on `blocking` cannot hold back
  // federation. Verification of incoming signatures stays on the request's thread: a
  // public-key check costs tens of microseconds, less than handing it over would.
  asio::thread_pool signatures{2};
  SnowflakeGenerator ids;
  services::IdNodeLease id_lease;  // the node in `ids`, leased by processes that share the db
  // The API's request counts (rate_limits), shared with the other processes by `serve`.
  domain::RateLimiter api_limits;
  services::SharedRateLimits shared_limits;
  net::HttpClient http_client;  // every outbound request (SSRF-guarded)
  services::Mailer mailer;
  // Who wrote lately, so that their reads skip the replica (database.read_your_writes_ms).
  services::ReadYourWrites recent_writes;
  services::InstanceSecrets secrets;  // filled once the database answers
  federation::ActivityFetcher fetcher;
  federation::ActorResolver resolver;
  services::InstanceService instance;
  services::HealthService health;
  services::AccountService accounts;
  services::AuthService auth;
  services::StatusReader reader;
  services::StatusService statuses;
  services::InteractionService interactions;
  services::TimelineService timelines;
  services::MarkerService markers;
  services::PollService polls;
  services::FanOutJob fan_out;
  services::NotifyJob notify;
  services::PollJobs poll_jobs;
  services::RelationshipService relationships;
  services::ReportService reports;
  services::LedgerService ledger;
  services::MembershipService memberships;
  services::ThanksService thanks;
  services::FundingService funding;
  services::PaymentWebhookService payment_webhooks;
  services::NotificationService notifications;
  // LOXODON_MEDIA_DIR, or the S3 bucket when media_backend is s3 (make_media_store).
  std::unique_ptr<media::MediaStore> media_store;
  services::MediaService media;
  services::InboxService inbox;
  services::ListService lists;
  services::SearchService search;
  services::TagService tags;
  services::ConversationService conversations;
  services::ScheduledStatusService scheduled;
  services::StatusesCleanupService statuses_cleanup;
  services::FilterService filters;
  services::CustomEmojiService custom_emojis;
  services::PreviewCardService cards;
  services::SponsorService sponsors;
  services::DonationPromptService donation_prompts;
  services::AnnouncementService announcements;
  services::AnnouncementFeedService announcement_feed;
  services::StreamingService streaming;
  services::ActorService actors;
  federation::DeliveryWorker deliveries;
  services::DeliveryHealthService delivery_health;
  // Stripe when funding.stripe_secret_key is set, else the manual provider.
  std::unique_ptr<payments::PaymentProvider> payment_provider;
  services::CheckoutService checkout;
  // Job handlers that are no service's use case.
  services::MailJob mail;
  services::MaintenanceJob maintenance;
};

}  // namespace lox::app
