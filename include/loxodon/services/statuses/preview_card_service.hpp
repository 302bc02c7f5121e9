#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/tx.hpp>
#include <loxodon/domain/preview_card.hpp>
#include <loxodon/federation/single_flight.hpp>
#include <loxodon/net/http_client.hpp>
#include <loxodon/services/statuses/preview_card_job.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lox::db {
class Database;
}

namespace lox::services {

class MediaService;

// Link preview cards, as Mastodon's FetchLinkCardService makes them: for the first link of a
// status that is not a mention, a hashtag or a page of ours (and not behind a content warning),
// the page is fetched through the guarded client (its first megabyte, HTML only), its
// OpenGraph/Twitter/HTML head read, its image copied here, and the card attached. One card per
// link, shared by every status that links it and refreshed after two weeks.
class PreviewCardService {
 public:
  static constexpr std::size_t kMaxPageBytes = 1024 * 1024;

  PreviewCardService(const config::Config& config, db::Database& db, net::HttpClient& client,
                     MediaService& media, SnowflakeGenerator& ids);

  // Queues a card for a status (new or edited) whose HTML links somewhere worth one, in the
  // caller's transaction; an edit first drops the card it had.
  struct CardRequest {
    std::int64_t status_id = 0;
    std::string_view content_html;
    bool has_spoiler = false;
    bool edited = false;
  };
  static void enqueue(db::Tx& tx, const config::Config& config, const CardRequest& request);

  // Job handler (kFetchPreviewCardJob).
  awaitable<void> run_fetch(PreviewCardPayload payload);

 private:
  // The card of a link: fetched and stored, or nothing when the page makes none.
  awaitable<std::optional<std::int64_t>> fetch_card(std::string link);

  const config::Config& config_;
  db::Database& db_;
  net::HttpClient& client_;
  MediaService& media_;
  SnowflakeGenerator& ids_;
  federation::SingleFlight fetches_;
};

}  // namespace lox::services
