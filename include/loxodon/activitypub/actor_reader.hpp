#pragma once

#include <loxodon/activitypub/emoji_reader.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace lox::activitypub {

// Why a remote actor document cannot be used.
class ActorError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A remote actor as Loxodon keeps it, read from any implementation's document. Everything
// textual is untrusted: names are plain text, the summary and field values are sanitised HTML.
struct RemoteActor {
  std::string id;
  std::string type;      // Person, Service, Group, Organization or Application
  std::string username;  // preferredUsername
  std::string inbox;
  std::string display_name;
  std::string summary_html;
  std::optional<std::string> url;
  bool locked = false;  // manuallyApprovesFollowers
  bool bot = false;     // Service and Application actors
  bool discoverable = false;
  bool indexable = false;
  std::optional<std::string> shared_inbox, outbox, followers, following, featured;
  std::string public_key_pem;  // the key whose owner is this actor; empty when none is
  // PropertyValue attachments: plain-text name, sanitised HTML value (Mastodon's limits).
  std::vector<std::pair<std::string, std::string>> fields;
  std::optional<std::string> avatar_url, header_url;  // icon and image
  std::optional<std::string> moved_to;                // movedTo
  std::vector<std::string> also_known_as;
  std::vector<RemoteEmoji> emojis;  // those the name, bio or fields use
};

inline constexpr std::size_t kMaxRemoteFields = 50;
inline constexpr std::size_t kMaxRemoteFieldLength = 2047;

bool is_actor_type(const nlohmann::json& type);
// Throws ActorError with the reason when the document is not a usable actor.
RemoteActor read_actor(const nlohmann::json& doc);

// The actor id a WebFinger answer (JRD) points to: its `self` link typed activity+json or the
// ActivityStreams ld+json profile.
std::optional<std::string> webfinger_actor_link(const nlohmann::json& jrd);

}  // namespace lox::activitypub
