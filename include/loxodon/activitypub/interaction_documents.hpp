#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace lox::activitypub {

// Activities one local actor sends about another actor or an object, in Mastodon's shapes.
// `actor` is the sender's actor URL; the ids name the local row they stand for, so an Undo
// can name the same activity again. Undo itself is `undo_activity` (note_documents.hpp).

// Like of `object_uri` (a favourite).
nlohmann::json like_activity(const std::string& actor, const std::string& object_uri,
                             std::int64_t status_id);
// Follow of the actor `target_uri`.
nlohmann::json follow_activity(const std::string& actor, const std::string& target_uri,
                               std::int64_t follow_row);
// Block of the actor `target_uri`.
nlohmann::json block_activity(const std::string& actor, const std::string& target_uri,
                              std::int64_t block_row);
// A vote on another server's poll, as Mastodon sends it: a Create of a Note named after the
// chosen option, replying to the Question and addressed to its author alone.
nlohmann::json vote_activity(const std::string& actor, std::int64_t vote_row,
                             const std::string& option, const std::string& author_uri,
                             const std::string& question_uri);

}  // namespace lox::activitypub
