#pragma once

#include <loxodon/services/statuses/status_service.hpp>

#include <cstdint>

namespace lox::db {
class Tx;
}

namespace lox::services {

// Our own emoji a local post uses, from its text, content warning and poll options; an edit
// replaces the set (and clears it when none is used any more).
void attach_local_emojis(db::Tx& tx, std::int64_t status_id, const PostRequest& request, bool edit);

}  // namespace lox::services
