#pragma once

#include <loxodon/activitypub/emoji_reader.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/custom_emoji.hpp>
#include <loxodon/domain/media_attachment.hpp>
#include <loxodon/domain/poll.hpp>
#include <loxodon/domain/status.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace lox::activitypub {

// The full IRI of the public collection: some servers recognise no shorter form.
inline constexpr const char* kPublicCollection = "https://www.w3.org/ns/activitystreams#Public";

// A Mention tag: the actor id and the handle Mastodon writes ("@user" for accounts of the
// status's server, "@user@host" for others).
struct NoteMention {
  std::string href;
  std::string name;
};

// What a local status's Note carries beside the status itself.
struct NoteContext {
  std::vector<NoteMention> mentions;
  std::optional<std::string> in_reply_to;  // the parent's id
  std::vector<domain::MediaAttachment> media;
  std::optional<domain::Poll> poll;
  std::vector<std::string> hashtags;        // names without '#'
  std::vector<domain::CustomEmoji> emojis;  // our own emoji the post uses
};

// A local status as a Create(Note) addressed as Mastodon addresses each visibility: public
// to Public and cc followers, unlisted the other way round, followers-only to the followers
// collection, direct to the mentioned only; Mention and Hashtag tags as Mastodon writes them.
nlohmann::json create_note_activity(const config::Config& config, const domain::Account& author,
                                    const domain::Status& status, const NoteContext& context);
// Delete(Tombstone) for a local status, addressed like its Create.
nlohmann::json delete_note_activity(const config::Config& config, const domain::Account& author,
                                    const domain::Status& status);

// A boost: Announce of `original_uri` by `booster`, public, cc the original's author.
nlohmann::json announce_activity(const config::Config& config, const domain::Account& booster,
                                 const std::string& boost_uri, const std::string& original_uri,
                                 const std::string& original_author_uri);
// The Undo of an activity we sent (Follow, Like, Announce, Block): the activity embedded, its
// id with "/undo" appended.
nlohmann::json undo_activity(const nlohmann::json& activity);

// A remote Note as we keep it.
// An attachment of a remote status, as its document describes it.
struct RemoteAttachment {
  std::string url;
  std::string media_type;  // as declared ("image/jpeg"); the bytes decide when cached
  std::string description;
  std::optional<std::string> blurhash;
  double focus_x = 0, focus_y = 0;
};
inline constexpr std::size_t kMaxRemoteAttachments = 4;  // Mastodon keeps at most four

// A Question's poll: option names and the counts its server publishes.
struct RemotePoll {
  std::vector<std::string> options;
  std::vector<std::int64_t> counts;
  bool multiple = false;  // anyOf
  std::int64_t voters = 0;
  std::optional<std::chrono::system_clock::time_point> ends_at;  // endTime or closed
};
inline constexpr std::size_t kMaxRemotePollOptions = 500;  // Mastodon's PollParser

// What a remote post's text may weigh, cut at a character boundary before it is read: long
// articles keep their first 100 KB of markup, a title 2 KB (Mastodon's hard limit for names),
// a content warning 4 KB.
inline constexpr std::size_t kMaxRemoteContentBytes = 100 * 1024;
inline constexpr std::size_t kMaxRemoteNameBytes = 2048;
inline constexpr std::size_t kMaxRemoteSummaryBytes = 4096;

struct RemoteNote {
  std::string uri;
  std::optional<std::string> url;
  std::string attributed_to;
  std::string content_html;  // sanitised
  std::string summary;       // content warning, plain text
  bool sensitive = false;
  std::optional<std::string> language;
  domain::Visibility visibility = domain::Visibility::kDirect;
  std::optional<std::string> in_reply_to;
  std::vector<std::string> mentioned;  // actor ids of Mention tags
  std::vector<RemoteAttachment> attachments;
  std::optional<RemotePoll> poll;
  std::vector<RemoteEmoji> emojis;    // those the content, summary or poll options use
  std::vector<std::string> hashtags;  // Hashtag tags: lowercase names without '#', at most 50
};

// Reads a Note (or Article/Question/Page, shown as notes) tolerating the forms real servers
// send: single values or arrays, objects or bare ids, "as:Public", "Public" or the full IRI.
// Nothing when it is not a note-like object with an id, an author and content.
std::optional<RemoteNote> read_note(const nlohmann::json& object);

}  // namespace lox::activitypub
