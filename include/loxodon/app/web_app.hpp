#pragma once

#include <loxodon/api/activitypub/actor_api.hpp>
#include <loxodon/api/activitypub/discovery_api.hpp>
#include <loxodon/api/activitypub/inbox_api.hpp>
#include <loxodon/api/mastodon/accounts/accounts_module.hpp>
#include <loxodon/api/mastodon/announcements/announcements_module.hpp>
#include <loxodon/api/mastodon/blocks/blocks_module.hpp>
#include <loxodon/api/mastodon/bookmarks/bookmarks_module.hpp>
#include <loxodon/api/mastodon/checkout/checkout_module.hpp>
#include <loxodon/api/mastodon/conversations/conversations_module.hpp>
#include <loxodon/api/mastodon/custom_emojis/custom_emojis_module.hpp>
#include <loxodon/api/mastodon/domain_blocks/domain_blocks_module.hpp>
#include <loxodon/api/mastodon/donations/donations_module.hpp>
#include <loxodon/api/mastodon/endorsements/endorsements_module.hpp>
#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/api/mastodon/favourites/favourites_module.hpp>
#include <loxodon/api/mastodon/filters/filters_module.hpp>
#include <loxodon/api/mastodon/follow_requests/follow_requests_module.hpp>
#include <loxodon/api/mastodon/funding/funding_module.hpp>
#include <loxodon/api/mastodon/instance_api.hpp>
#include <loxodon/api/mastodon/ledger/ledger_module.hpp>
#include <loxodon/api/mastodon/lists/lists_module.hpp>
#include <loxodon/api/mastodon/markers/markers_module.hpp>
#include <loxodon/api/mastodon/media/media_module.hpp>
#include <loxodon/api/mastodon/mutes/mutes_module.hpp>
#include <loxodon/api/mastodon/notifications/notifications_module.hpp>
#include <loxodon/api/mastodon/oauth_api.hpp>
#include <loxodon/api/mastodon/payment_webhooks_api.hpp>
#include <loxodon/api/mastodon/plans/plans_module.hpp>
#include <loxodon/api/mastodon/polls/polls_module.hpp>
#include <loxodon/api/mastodon/preferences/preferences_module.hpp>
#include <loxodon/api/mastodon/reports/reports_module.hpp>
#include <loxodon/api/mastodon/scheduled_statuses/scheduled_statuses_module.hpp>
#include <loxodon/api/mastodon/search/search_module.hpp>
#include <loxodon/api/mastodon/sponsors/sponsors_module.hpp>
#include <loxodon/api/mastodon/statuses/statuses_module.hpp>
#include <loxodon/api/mastodon/statuses_cleanup/statuses_cleanup_module.hpp>
#include <loxodon/api/mastodon/streaming_api.hpp>
#include <loxodon/api/mastodon/tags/tags_module.hpp>
#include <loxodon/api/mastodon/timelines/timelines_module.hpp>
#include <loxodon/app/services.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/streaming/stream_hub.hpp>
#include <loxodon/web/about_pages.hpp>
#include <loxodon/web/auth_pages.hpp>
#include <loxodon/web/community_pages.hpp>
#include <loxodon/web/funding_pages.hpp>
#include <loxodon/web/profile_pages.hpp>

#include <optional>
#include <vector>

namespace lox::app {

// Every route of the server: the Mastodon API (through one Endpoints table with its scopes),
// ActivityPub discovery, and the HTML pages. Owns the handler objects, so it must outlive the
// http::Server that serves its router.
class WebApp {
 public:
  // `streams`: the strand the stream hub lives on when several threads serve HTTP (serve);
  // none for a server on one thread (tests).
  explicit WebApp(Services& services, std::optional<asio::any_io_executor> streams = std::nullopt);
  WebApp(const WebApp&) = delete;
  WebApp& operator=(const WebApp&) = delete;

  // The router with all routes; call once.
  http::Router take_router();
  // Every route with where it was registered (kept when the router is taken).
  const std::vector<http::RouteRecord>& route_records() const {
    return route_records_.empty() ? router_.records() : route_records_;
  }
  const std::vector<api::mastodon::EndpointSpec>& endpoint_table() const {
    return endpoints_.table();
  }
  // This process's streaming subscriptions, fed by the application's stream dispatcher.
  streaming::StreamHub& stream_hub() { return stream_hub_; }

 private:
  http::Router router_;
  std::vector<http::RouteRecord> route_records_;
  api::mastodon::Endpoints endpoints_;
  api::mastodon::InstanceApi instance_api_;
  api::mastodon::OAuthApi oauth_api_;
  api::mastodon::AccountsModule accounts_module_;
  api::mastodon::DomainBlocksModule domain_blocks_module_;
  api::mastodon::EndorsementsModule endorsements_module_;
  api::mastodon::FollowRequestsModule follow_requests_module_;
  api::mastodon::PreferencesModule preferences_module_;
  api::mastodon::StatusesModule statuses_module_;
  api::mastodon::NotificationsModule notifications_module_;
  api::mastodon::MarkersModule markers_module_;
  api::mastodon::PollsModule polls_module_;
  api::mastodon::TimelinesModule timelines_module_;
  api::mastodon::FavouritesModule favourites_module_;
  api::mastodon::BookmarksModule bookmarks_module_;
  api::mastodon::BlocksModule blocks_module_;
  api::mastodon::MutesModule mutes_module_;
  api::mastodon::ListsModule lists_module_;
  api::mastodon::SearchModule search_module_;
  api::mastodon::TagsModule tags_module_;
  api::mastodon::ConversationsModule conversations_module_;
  api::mastodon::ScheduledStatusesModule scheduled_statuses_module_;
  api::mastodon::FiltersModule filters_module_;
  api::mastodon::MediaModule media_module_;
  api::mastodon::AnnouncementsModule announcements_module_;
  api::mastodon::ReportsModule reports_module_;
  api::mastodon::LedgerModule ledger_module_;
  api::mastodon::PlansModule plans_module_;
  api::mastodon::CustomEmojisModule custom_emojis_module_;
  api::mastodon::StatusesCleanupModule statuses_cleanup_module_;
  api::mastodon::FundingModule funding_module_;
  api::mastodon::SponsorsModule sponsors_module_;
  api::mastodon::DonationsModule donations_module_;
  api::mastodon::CheckoutModule checkout_module_;
  api::mastodon::PaymentWebhooksApi payment_webhooks_api_;
  streaming::StreamHub stream_hub_;
  api::mastodon::StreamingApi streaming_api_;
  api::activitypub::DiscoveryApi discovery_api_;
  api::activitypub::ActorApi actor_api_;
  api::activitypub::InboxApi inbox_api_;
  web::AuthPages pages_;
  web::FundingPages funding_pages_;
  web::AboutPages about_pages_;
  web::CommunityPages community_pages_;
  web::ProfilePages profile_pages_;
};

}  // namespace lox::app
