#include "local_emojis.hpp"

#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/custom_emoji_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/domain/custom_emoji.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/services/statuses/status_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/http_url.hpp>

#include <algorithm>
#include <unordered_map>

namespace lox::services {

void attach_local_emojis(db::Tx& tx, std::int64_t status_id, const PostRequest& r, bool edit) {
  std::vector<std::string_view> texts{r.text, r.spoiler_text};
  if (r.poll) texts.insert(texts.end(), r.poll->options.begin(), r.poll->options.end());
  auto codes = domain::emoji_shortcodes(texts);
  if (codes.empty() && !edit) return;  // most posts: no emoji and nothing to clear
  db::CustomEmojiRepository::set_status_emojis(tx, status_id,
                                               db::CustomEmojiRepository::local_ids(tx, codes));
}

awaitable<Limits> StatusService::limits_for(const domain::UserWithAccount& author,
                                            std::size_t length, std::size_t media_count,
                                            const PostRequest& r) {
  Limits limits = effective_limits(config_, {});
  // A membership may raise the limits; only posts beyond one pay for the lookup.
  if (length > limits.max_characters || media_count > limits.max_media_attachments ||
      (r.poll && r.poll->options.size() > limits.max_poll_options)) {
    auto granted = co_await db_.read([&](db::Tx& tx) {
      return current_entitlements(tx, author.account.id, config_.funding.grace_days);
    });
    limits = effective_limits(config_, granted);
  }
  co_return limits;
}

awaitable<domain::RenderedStatusText> StatusService::render_text(const std::string& text) {
  std::string local_domain = domain::lowercase(config_.domain);
  auto tokens = domain::find_mentions(text);
  auto key_of = [&](const domain::MentionToken& t) {
    bool remote = t.domain && domain::lowercase(*t.domain) != local_domain;
    return domain::lowercase(t.username) + (remote ? "@" + domain::lowercase(*t.domain) : "");
  };
  std::unordered_map<std::string, domain::ResolvedMention> resolved;
  co_await db_.tx([&](db::Tx& tx) {
    for (const auto& t : tokens) {
      bool remote = t.domain && domain::lowercase(*t.domain) != local_domain;
      auto account = db::AccountRepository::find_by_acct(
          tx, t.username,
          remote ? std::optional<std::string>(domain::lowercase(*t.domain)) : std::nullopt);
      if (!account || account->suspended_at) continue;
      std::string acct =
          account->domain ? account->username + "@" + *account->domain : account->username;
      // The link in our own post's HTML: a web address only, whatever a remote profile (or a
      // row stored before addresses were checked) says its page is.
      std::string href = config_.base_url() + "/@" + account->username;
      if (account->url && is_http_url(*account->url)) {
        href = *account->url;
      } else if (account->uri && is_http_url(*account->uri)) {
        href = *account->uri;
      }
      resolved[key_of(t)] = {account->id, account->username, acct, href};
    }
  });
  co_return domain::render_status_text(
      text,
      [&](const domain::MentionToken& t) -> std::optional<domain::ResolvedMention> {
        auto it = resolved.find(key_of(t));
        if (it == resolved.end()) return std::nullopt;
        return it->second;
      },
      config_.base_url());
}

awaitable<StatusService::Prepared> StatusService::prepare(const domain::UserWithAccount& author,
                                                          const PostRequest& r, bool editing) {
  ValidationErrors errors;
  if (!valid_utf8(r.text) || !valid_utf8(r.spoiler_text)) {
    errors.add("text", "Text", "ERR_INVALID", "is not valid UTF-8");
    errors.throw_if_any();
  }
  // Text may be left out when media is attached, as Mastodon allows.
  auto trimmed = r.text.find_first_not_of(" \t\r\n");
  if (trimmed == std::string::npos && r.media_ids.empty())
    errors.add("text", "Text", "ERR_BLANK", "can't be blank");
  if (!r.media_ids.empty() && r.poll) {
    errors.add("media_ids", "Media", "ERR_INVALID", "Cannot attach both a poll and media");
  }
  std::size_t length = domain::status_length(r.text) + utf8_length(r.spoiler_text);
  const std::size_t media_count = editing ? 0 : r.media_ids.size();
  Limits limits = co_await limits_for(author, length, media_count, r);
  if (media_count > limits.max_media_attachments) {
    errors.add(
        "media_ids", "Media", "ERR_TOO_LONG",
        "You can't attach more than " + std::to_string(limits.max_media_attachments) + " files");
  }
  if (length > limits.max_characters) {
    errors.add("text", "Text", "ERR_TOO_LONG",
               "character limit of " + std::to_string(limits.max_characters) + " exceeded");
  }
  Prepared out;
  out.max_poll_options = limits.max_poll_options;
  out.visibility = domain::parse_visibility(r.visibility.value_or(author.user.default_privacy));
  if (!out.visibility) {
    errors.add("visibility", "Visibility", "ERR_INCLUSION", "is not included in the list");
  }
  if (r.language && (r.language->size() > 10 || !valid_utf8(*r.language))) {
    errors.add("language", "Language", "ERR_INVALID", "is invalid");
  }
  errors.throw_if_any();
  out.rendered = co_await render_text(r.text);
  co_return out;
}

void StatusService::check_poll(const PollRequest& poll, std::size_t max_options) const {
  ValidationErrors errors;
  const auto& o = poll.options;
  if (o.size() < 2) errors.add("poll", "Poll", "ERR_TOO_SHORT", "must have at least 2 options");
  if (o.size() > max_options) {
    errors.add("poll", "Poll", "ERR_TOO_LONG",
               "can't have more than " + std::to_string(max_options) + " options");
  }
  for (std::size_t i = 0; i < o.size(); ++i) {
    if (o[i].empty() || !valid_utf8(o[i]) || utf8_length(o[i]) > domain::kMaxPollOptionCharacters) {
      errors.add("poll", "Poll", "ERR_INVALID", "options must be 1 to 50 characters");
      break;
    }
    if (std::find(o.begin(), o.begin() + static_cast<std::ptrdiff_t>(i), o[i]) !=
        o.begin() + static_cast<std::ptrdiff_t>(i)) {
      errors.add("poll", "Poll", "ERR_INVALID", "contains duplicate options");
      break;
    }
  }
  if (poll.expires_in < domain::kMinPollExpiration ||
      poll.expires_in > domain::kMaxPollExpiration) {
    errors.add("poll", "Poll", "ERR_INVALID", "duration is out of range (5 minutes to 1 month)");
  }
  errors.throw_if_any();
}

}  // namespace lox::services
