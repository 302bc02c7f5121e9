#include <loxodon/api/mastodon/launch_api.hpp>
#include <loxodon/app/web_app.hpp>
#include <loxodon/web/ops_routes.hpp>

namespace lox::app {

WebApp::WebApp(Services& s, std::optional<asio::any_io_executor> streams)
    : endpoints_(router_, s.auth, s.config, s.api_limits, s.recent_writes),
      instance_api_(s.config, s.instance, s.secrets),
      oauth_api_(s.config, s.auth, s.secrets),
      accounts_module_(s.config, s.accounts, s.auth, s.relationships, s.media, s.timelines),
      domain_blocks_module_(s.config, s.relationships),
      endorsements_module_(s.config, s.relationships),
      follow_requests_module_(s.config, s.relationships),
      preferences_module_(s.accounts),
      statuses_module_(s.config, s.statuses, s.reader, s.interactions, s.scheduled),
      notifications_module_(s.config, s.notifications),
      markers_module_(s.markers),
      polls_module_(s.config, s.polls),
      timelines_module_(s.config, s.timelines, s.lists),
      favourites_module_(s.config, s.timelines),
      bookmarks_module_(s.config, s.timelines),
      blocks_module_(s.config, s.relationships),
      mutes_module_(s.config, s.relationships),
      lists_module_(s.config, s.lists),
      search_module_(s.config, s.search),
      tags_module_(s.config, s.tags),
      conversations_module_(s.config, s.conversations),
      scheduled_statuses_module_(s.config, s.scheduled),
      filters_module_(s.filters),
      media_module_(s.config, s.media),
      announcements_module_(s.config, s.announcements, s.announcement_feed),
      reports_module_(s.config, s.reports),
      ledger_module_(s.config, s.ledger),
      plans_module_(s.config, s.memberships),
      custom_emojis_module_(s.config, s.custom_emojis),
      statuses_cleanup_module_(s.statuses_cleanup),
      funding_module_(s.config, s.funding),
      sponsors_module_(s.config, s.sponsors),
      donations_module_(s.donation_prompts, s.thanks),
      checkout_module_(s.checkout),
      payment_webhooks_api_(s.payment_webhooks),
      streaming_api_(s.auth, s.streaming, stream_hub_, std::move(streams)),
      discovery_api_(s.config, s.instance),
      actor_api_(s.config, s.actors, s.secrets),
      inbox_api_(s.config, s.inbox, s.actors),
      pages_(s.config, s.auth, s.accounts, s.instance, s.secrets),
      funding_pages_(s.config, s.funding, s.sponsors, s.auth),
      about_pages_(s.config, s.instance, s.sponsors, s.auth),
      community_pages_(s.config, s.timelines, s.sponsors, s.auth),
      profile_pages_(s.config, s.accounts, s.reader, s.timelines) {
  actor_api_.set_html_pages([this](http::Request& request, bool status_page) {
    return profile_pages_.render(request, status_page);
  });
  web::add_ops_routes(router_, s.health);
  instance_api_.add_routes(router_);
  discovery_api_.add_routes(router_);
  actor_api_.add_routes(router_);
  inbox_api_.add_routes(router_);
  payment_webhooks_api_.add_routes(router_);
  oauth_api_.add_routes(router_, endpoints_);
  accounts_module_.add_routes(endpoints_);
  domain_blocks_module_.add_routes(endpoints_);
  endorsements_module_.add_routes(endpoints_);
  follow_requests_module_.add_routes(endpoints_);
  preferences_module_.add_routes(endpoints_);
  statuses_module_.add_routes(endpoints_);
  notifications_module_.add_routes(endpoints_);
  markers_module_.add_routes(endpoints_);
  polls_module_.add_routes(endpoints_);
  timelines_module_.add_routes(endpoints_);
  favourites_module_.add_routes(endpoints_);
  bookmarks_module_.add_routes(endpoints_);
  blocks_module_.add_routes(endpoints_);
  mutes_module_.add_routes(endpoints_);
  lists_module_.add_routes(endpoints_);
  search_module_.add_routes(endpoints_);
  tags_module_.add_routes(endpoints_);
  conversations_module_.add_routes(endpoints_);
  scheduled_statuses_module_.add_routes(endpoints_);
  filters_module_.add_routes(endpoints_);
  media_module_.add_routes(endpoints_, router_);
  streaming_api_.add_routes(router_);
  announcements_module_.add_routes(endpoints_);
  reports_module_.add_routes(endpoints_);
  ledger_module_.add_routes(endpoints_);
  plans_module_.add_routes(endpoints_);
  custom_emojis_module_.add_routes(endpoints_);
  statuses_cleanup_module_.add_routes(endpoints_);
  funding_module_.add_routes(endpoints_);
  sponsors_module_.add_routes(endpoints_);
  donations_module_.add_routes(endpoints_);
  checkout_module_.add_routes(endpoints_);
  api::mastodon::add_launch_routes(endpoints_);
  pages_.add_routes(router_);
  funding_pages_.add_routes(router_);
  about_pages_.add_routes(router_);
  community_pages_.add_routes(router_);
}

http::Router WebApp::take_router() {
  route_records_ = router_.records();
  return std::move(router_);
}

}  // namespace lox::app
