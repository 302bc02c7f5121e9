#pragma once

#include "api/mastodon/json_writer.hpp"

#include <loxodon/config/config.hpp>
#include <loxodon/domain/custom_emoji.hpp>

#include <vector>

namespace lox::api::mastodon {

// Mastodon's CustomEmoji entities, as the `emojis` array of a status, account or poll.
void write_emojis(JsonWriter& writer, const config::Config& config,
                  const std::vector<domain::CustomEmoji>& emojis);
// One CustomEmoji object, left open so a caller may add its own fields before closing it.
void begin_emoji(JsonWriter& writer, const config::Config& config, const domain::CustomEmoji& e);

}  // namespace lox::api::mastodon
