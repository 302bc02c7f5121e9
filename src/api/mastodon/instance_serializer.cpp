#include "api/mastodon/instance_serializer.hpp"

#include <loxodon/util/version.hpp>

namespace lox::api::mastodon {

namespace {

using config::RegistrationMode;
using nlohmann::json;

// Limits clients read to decide what they let people post. Media limits are Mastodon's defaults;
// the media issue enforces them on upload.
constexpr int kCharactersReservedPerUrl = 23;
constexpr int kMaxCharactersPerPollOption = 50;
constexpr int kMinPollExpiration = 300;
constexpr int kMaxPollExpiration = 2629746;
constexpr long kImageSizeLimit = 16 * 1024 * 1024;
constexpr long kImageMatrixLimit = 33177600;
constexpr long kVideoSizeLimit = 99 * 1024 * 1024;
constexpr long kVideoMatrixLimit = 8294400;
constexpr int kVideoFrameRateLimit = 120;
constexpr int kDescriptionLimit = 1500;
constexpr int kMaxFeaturedTags = 10;
constexpr int kMaxPinnedStatuses = 5;

json supported_mime_types() {
  return json::array({"image/jpeg",  "image/png",       "image/gif",       "image/heic",
                      "image/heif",  "image/webp",      "image/avif",      "video/webm",
                      "video/mp4",   "video/quicktime", "video/ogg",       "audio/wave",
                      "audio/wav",   "audio/x-wav",     "audio/x-pn-wave", "audio/vnd.wave",
                      "audio/ogg",   "audio/vorbis",    "audio/mpeg",      "audio/mp3",
                      "audio/webm",  "audio/flac",      "audio/aac",       "audio/m4a",
                      "audio/x-m4a", "audio/mp4",       "audio/3gpp",      "video/x-ms-asf"});
}

json statuses_limits(const config::Config& c) {
  return {{"max_characters", c.instance.max_characters},
          {"max_media_attachments", c.instance.max_media_attachments},
          {"characters_reserved_per_url", kCharactersReservedPerUrl}};
}

json media_limits(bool with_description_limit) {
  json m = {
      {"supported_mime_types", supported_mime_types()}, {"image_size_limit", kImageSizeLimit},
      {"image_matrix_limit", kImageMatrixLimit},        {"video_size_limit", kVideoSizeLimit},
      {"video_frame_rate_limit", kVideoFrameRateLimit}, {"video_matrix_limit", kVideoMatrixLimit}};
  if (with_description_limit) m["description_limit"] = kDescriptionLimit;
  return m;
}

json poll_limits(const config::Config& c) {
  return {{"max_options", c.instance.max_poll_options},
          {"max_characters_per_option", kMaxCharactersPerPollOption},
          {"min_expiration", kMinPollExpiration},
          {"max_expiration", kMaxPollExpiration}};
}

std::string thumbnail_url(const config::Config& c) { return c.base_url() + "/thumbnail.png"; }

}  // namespace

std::string version_string() {
  return std::string(kMastodonCompatVersion) + "+loxodon." + kLoxodonVersion;
}

json rules_json(const services::InstanceSnapshot& snapshot) {
  json rules = json::array();
  for (const auto& r : snapshot.rules) {
    rules.push_back({{"id", r.id}, {"text", r.text}, {"hint", r.hint}});
  }
  return rules;
}

json instance_v1_json(const config::Config& c, const services::InstanceSnapshot& s) {
  const auto& inst = c.instance;
  return {
      {"uri", c.domain},
      {"title", inst.title},
      {"short_description", inst.short_description},
      {"description", inst.description.empty() ? inst.short_description : inst.description},
      {"email", inst.contact_email},
      {"version", version_string()},
      {"urls", {{"streaming_api", c.streaming_url()}}},
      {"stats",
       {{"user_count", s.stats.user_count},
        {"status_count", s.stats.status_count},
        {"domain_count", s.stats.domain_count}}},
      {"thumbnail", thumbnail_url(c)},
      {"languages", inst.languages},
      {"registrations", inst.registrations != RegistrationMode::kClosed},
      {"approval_required", inst.registrations == RegistrationMode::kApproval},
      {"invites_enabled", false},
      {"configuration",
       {{"accounts", {{"max_featured_tags", kMaxFeaturedTags}}},
        {"statuses", statuses_limits(c)},
        {"media_attachments", media_limits(false)},
        {"polls", poll_limits(c)}}},
      // The contact account is an admin's Account entity; accounts arrive with the next issue.
      {"contact_account", nullptr},
      {"rules", rules_json(s)},
  };
}

json instance_v2_json(const config::Config& c, const services::InstanceSnapshot& s,
                      const services::InstanceSecrets& secrets) {
  const auto& inst = c.instance;
  json registration_message =
      inst.registration_message.empty() ? json(nullptr) : json(inst.registration_message);
  return {
      {"domain", c.domain},
      {"title", inst.title},
      {"version", version_string()},
      {"source_url", inst.source_url},
      {"description", inst.short_description.empty() ? inst.description : inst.short_description},
      {"usage", {{"users", {{"active_month", s.stats.active_month}}}}},
      {"thumbnail", {{"url", thumbnail_url(c)}}},
      {"icon", json::array()},
      {"languages", inst.languages},
      {"configuration",
       {{"urls",
         {{"streaming", c.streaming_url()},
          {"status", nullptr},
          {"about", c.base_url() + "/about"},
          {"privacy_policy", c.base_url() + "/privacy-policy"},
          {"terms_of_service", nullptr}}},
        {"vapid", {{"public_key", secrets.vapid_public_key}}},
        {"accounts",
         {{"max_featured_tags", kMaxFeaturedTags}, {"max_pinned_statuses", kMaxPinnedStatuses}}},
        {"statuses", statuses_limits(c)},
        {"media_attachments", media_limits(true)},
        {"polls", poll_limits(c)},
        {"translation", {{"enabled", false}}}}},
      {"registrations",
       {{"enabled", inst.registrations != RegistrationMode::kClosed},
        {"approval_required", inst.registrations == RegistrationMode::kApproval},
        {"message", registration_message},
        {"url", nullptr},
        {"min_age", nullptr},
        {"reason_required", inst.registrations == RegistrationMode::kApproval}}},
      {"contact", {{"email", inst.contact_email}, {"account", nullptr}}},
      {"rules", rules_json(s)},
  };
}

}  // namespace lox::api::mastodon
