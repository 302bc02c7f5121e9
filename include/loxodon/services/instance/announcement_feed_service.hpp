#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/announcement.hpp>
#include <loxodon/services/funding/donation_prompt_service.hpp>
#include <loxodon/services/funding/sponsor_service.hpp>
#include <loxodon/services/instance/announcement_service.hpp>
#include <loxodon/util/asio.hpp>

#include <cstdint>
#include <vector>

namespace lox::services {

// What GET /api/v1/announcements gives a person: the staff's announcements, then at most one
// donation prompt meant for them, then at most one sponsored announcement (labelled, linked
// through the counting redirect). Dismissing works for each: a staff announcement is marked
// read, a prompt stays away for its repeat period, and a sponsored one hides sponsored
// announcements for a while.
class AnnouncementFeedService {
 public:
  AnnouncementFeedService(const config::Config& config, AnnouncementService& announcements,
                          DonationPromptService& prompts, SponsorService& sponsors);

  awaitable<std::vector<domain::Announcement>> list(std::int64_t viewer, bool with_dismissed);
  // 404 for an id that is none of the three.
  awaitable<void> dismiss(std::int64_t viewer, std::int64_t id);

 private:
  const config::Config& config_;
  AnnouncementService& announcements_;
  DonationPromptService& prompts_;
  SponsorService& sponsors_;
};

}  // namespace lox::services
