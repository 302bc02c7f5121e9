#pragma once

#include <loxodon/activitypub/emoji_reader.hpp>
#include <loxodon/db/tx.hpp>
#include <loxodon/util/snowflake.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lox::federation {

// Records the custom emoji a remote status or profile uses (one per shortcode and server,
// `domain` being the author's) and queues a copy of each image that is new or changed;
// returns their ids, to link to the status or account.
std::vector<std::int64_t> record_remote_emojis(db::Tx& tx, SnowflakeGenerator& ids,
                                               const std::string& domain,
                                               const std::vector<activitypub::RemoteEmoji>& emojis);

}  // namespace lox::federation
