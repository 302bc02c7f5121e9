#include <loxodon/db/database.hpp>
#include <loxodon/db/preview_card_repository.hpp>
#include <loxodon/jobs/job_errors.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/media/link_details.hpp>
#include <loxodon/services/media/media_service.hpp>
#include <loxodon/services/statuses/preview_card_service.hpp>
#include <loxodon/util/html.hpp>

#include <spdlog/spdlog.h>

namespace lox::services {

namespace {

bool is_html(const net::HttpClientResponse& response) {
  auto type = response.header("Content-Type").value_or("");
  return type.find("text/html") != std::string::npos ||
         type.find("application/xhtml+xml") != std::string::npos;
}

std::string origin_of(const std::string& url) {
  auto parsed = net::parse_url(url);
  return parsed ? parsed->scheme + "://" + parsed->authority() : "";
}

// Mastodon's player card: the page's player in a sandboxed iframe.
std::string player_html(const media::LinkDetails& d) {
  return "<iframe src=\"" + html_escape(*d.embed_url) + "\" width=\"" + std::to_string(d.width) +
         "\" height=\"" + std::to_string(d.height) +
         "\" allowfullscreen=\"true\" sandbox=\"allow-scripts allow-same-origin allow-popups "
         "allow-popups-to-escape-sandbox allow-forms\"></iframe>";
}

}  // namespace

PreviewCardService::PreviewCardService(const config::Config& config, db::Database& db,
                                       net::HttpClient& client, MediaService& media,
                                       SnowflakeGenerator& ids)
    : config_(config), db_(db), client_(client), media_(media), ids_(ids) {}

void PreviewCardService::enqueue(db::Tx& tx, const config::Config& config, const CardRequest& r) {
  if (r.edited) db::PreviewCardRepository::detach(tx, r.status_id);
  if (r.has_spoiler || media::card_candidate_links(r.content_html, config.base_url()).empty()) {
    return;
  }
  jobs::JobOptions options;
  options.max_attempts = 3;
  options.dedupe_key = "card:" + std::to_string(r.status_id);
  jobs::enqueue(tx, kFetchPreviewCardJob, PreviewCardPayload{r.status_id}, options);
}

awaitable<void> PreviewCardService::run_fetch(PreviewCardPayload payload) {
  const std::int64_t status_id = payload.status_id;
  auto source = co_await db_.read(
      [&](db::Tx& tx) { return db::PreviewCardRepository::source(tx, status_id); });
  // Mastodon makes no card for a status behind a content warning (the card would show what
  // the warning hides), nor for boosts (the original has its own).
  if (!source || source->deleted || source->reblog || source->has_spoiler) co_return;
  auto links = media::card_candidate_links(source->content_html, config_.base_url());
  if (links.empty()) co_return;
  const std::string link = links.front();
  auto card = co_await db_.read(
      [&](db::Tx& tx) { return db::PreviewCardRepository::fresh_by_link(tx, link); });
  if (!card) card = co_await fetch_card(link);
  if (!card) co_return;
  co_await db_.tx([&](db::Tx& tx) {
    // The status may have been edited meanwhile: attach only if it still links there.
    auto now = db::PreviewCardRepository::source(tx, status_id);
    if (!now || now->deleted || now->has_spoiler) return;
    auto still = media::card_candidate_links(now->content_html, config_.base_url());
    if (still.empty() || still.front() != link) return;
    db::PreviewCardRepository::attach(tx, status_id, *card);
  });
}

awaitable<std::optional<std::int64_t>> PreviewCardService::fetch_card(std::string link) {
  std::function<awaitable<void>()> work = [this, link]() -> awaitable<void> {
    net::HttpClientRequest request;
    request.url = link;
    request.headers = {{"Accept", "text/html,application/xhtml+xml"}};
    request.max_response_bytes = kMaxPageBytes;
    request.truncate = true;
    request.timeout = std::chrono::seconds(10);
    std::optional<net::HttpClientResponse> response;
    try {
      response = co_await client_.get_following_redirects(request);
    } catch (const net::HttpClientError& e) {
      // A page that cannot be reached (or a private address) makes no card; not retried, as
      // Mastodon does not retry either.
      spdlog::debug("no preview card for {}: {}", link, e.what());
    }
    if (!response || response->status != 200 || !is_html(*response)) co_return;
    // Relative URLs in the page are the page's own: after redirects, the last hop's.
    auto details = media::read_link_details(response->body, response->url);
    if (!details) co_return;
    domain::PreviewCard card;
    card.url = details->url;
    card.title = details->title;
    card.description = details->description;
    card.type = details->type;
    card.author_name = details->author_name;
    card.author_url = details->author_url;
    card.provider_name = details->provider_name;
    card.provider_url = details->provider_name.empty() ? "" : origin_of(details->url);
    card.image_description = details->image_description;
    card.language = details->language;
    card.published_at = details->published_at;
    if (details->embed_url) {
      card.embed_url = *details->embed_url;
      card.html = player_html(*details);
      card.width = details->width;
      card.height = details->height;
    }
    if (details->image_url) {
      std::optional<MediaService::StoredImage> image;
      try {
        image = co_await media_.copy_card_image(*details->image_url);
      } catch (const jobs::RetryableError&) {
        // The image's server is unreachable: the card goes without it.
      }
      if (image) {
        card.image_key = image->key;
        card.image_width = image->width;
        card.image_height = image->height;
        card.blurhash = image->blurhash;
      }
    }
    std::int64_t new_id = ids_.next();
    auto replaced = co_await db_.tx([&](db::Tx& tx) {
      return db::PreviewCardRepository::upsert(tx, new_id, link, card).replaced_image_key;
    });
    if (replaced && replaced != card.image_key) co_await media_.remove_file(*replaced);
  };
  co_await fetches_.run(link, work);
  co_return co_await db_.read(
      [&](db::Tx& tx) { return db::PreviewCardRepository::fresh_by_link(tx, link); });
}

}  // namespace lox::services
