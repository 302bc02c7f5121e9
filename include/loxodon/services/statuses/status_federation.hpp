#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/status.hpp>

namespace lox::db {
class Tx;
}

namespace lox::services {

// What other servers hear of a local status, enqueued as deliveries in the caller's
// transaction. A post (or its deletion, or its edit as an Update) goes to the inboxes of the
// author's remote followers (unless it is direct) and of the remote accounts it mentions, each
// shared inbox once; a boost is an Announce (its undoing an Undo) to the booster's remote
// followers and to the original's author when remote. Remote statuses are left alone.
void federate_status(db::Tx& tx, const config::Config& config, const domain::Status& status,
                     bool deleted, bool updated = false);

}  // namespace lox::services
