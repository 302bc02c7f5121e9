#include <loxodon/services/instance/announcement_feed_service.hpp>
#include <loxodon/util/html.hpp>

namespace lox::services {

namespace {

domain::Announcement prompt_row(const domain::DonationPrompt& p) {
  domain::Announcement row;
  row.id = p.id;
  row.text = p.text;
  row.content = p.content;
  row.tags = p.tags;
  row.starts_at = p.starts_at;
  row.ends_at = p.ends_at;
  row.published_at = p.starts_at;
  row.updated_at = p.created_at;
  return row;
}

domain::Announcement sponsored_row(const config::Config& config, const domain::PlacementView& v) {
  const auto& p = v.placement;
  domain::Announcement row;
  row.id = SponsorService::kSponsoredAnnouncementId;
  row.text = "Sponsored: " + p.headline;
  std::string href = config.base_url() + "/sponsored/" + std::to_string(p.id) + "/click";
  row.content = "<p><strong>Sponsored &middot; " + html_escape(v.sponsor.name) +
                "</strong></p><p><a href=\"" + html_escape(href) +
                "\" rel=\"sponsored noopener noreferrer\" target=\"_blank\">" +
                html_escape(p.headline) + "</a></p>";
  if (!p.body.empty()) row.content += "<p>" + html_escape(p.body) + "</p>";
  row.starts_at = p.starts_at;
  row.ends_at = p.ends_at;
  row.published_at = p.starts_at;
  row.updated_at = p.starts_at;
  return row;
}

}  // namespace

AnnouncementFeedService::AnnouncementFeedService(const config::Config& config,
                                                 AnnouncementService& announcements,
                                                 DonationPromptService& prompts,
                                                 SponsorService& sponsors)
    : config_(config), announcements_(announcements), prompts_(prompts), sponsors_(sponsors) {}

awaitable<std::vector<domain::Announcement>> AnnouncementFeedService::list(std::int64_t viewer,
                                                                           bool with_dismissed) {
  // Named results, not co_await inside conditions: GCC 12 miscompiles those coroutines.
  auto rows = co_await announcements_.active(viewer, with_dismissed);
  auto prompt = co_await prompts_.prompt_for(viewer);
  if (prompt) rows.push_back(prompt_row(*prompt));
  auto sponsored = co_await sponsors_.announcement_for(viewer);
  if (sponsored) rows.push_back(sponsored_row(config_, *sponsored));
  co_return rows;
}

awaitable<void> AnnouncementFeedService::dismiss(std::int64_t viewer, std::int64_t id) {
  if (id == SponsorService::kSponsoredAnnouncementId) {
    co_await sponsors_.dismiss_announcements(viewer);
    co_return;
  }
  bool was_prompt = co_await prompts_.dismiss(viewer, id);
  if (was_prompt) co_return;
  co_await announcements_.dismiss(viewer, id);
}

}  // namespace lox::services
