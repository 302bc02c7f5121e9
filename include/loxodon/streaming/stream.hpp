#pragma once

#include <loxodon/domain/scopes.hpp>

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace lox::streaming {

// One of Mastodon's streams, with its parameter (tag or list) where it has one.
struct Stream {
  enum class Kind {
    kUser,
    kUserNotification,
    kPublic,
    kPublicMedia,
    kPublicLocal,
    kPublicLocalMedia,
    kPublicRemote,
    kPublicRemoteMedia,
    kHashtag,
    kHashtagLocal,
    kList,
    kDirect,
  };
  Kind kind = Kind::kUser;
  std::string tag;           // hashtag streams: lowercase, without '#'
  std::string tag_as_given;  // and as the client wrote it, which its events must carry back
  std::int64_t list_id = 0;  // list streams

  auto operator<=>(const Stream&) const = default;

  static Stream of(Kind kind, std::string tag = {}, std::int64_t list_id = 0) {
    std::string given = tag;
    return Stream{kind, std::move(tag), std::move(given), list_id};
  }

  // Mastodon's name ("public:local"), and the `stream` array of its events:
  // ["hashtag","cats"], ["list","42"], ["user"].
  std::string name() const;
  std::vector<std::string> event_names() const;
  // user, user:notification and direct are about the subscriber's own account.
  bool personal() const;
  bool hashtag() const { return kind == Kind::kHashtag || kind == Kind::kHashtagLocal; }
  // Scopes of which the token needs one (public and hashtag streams need none).
  std::vector<std::string> scopes() const;
  bool allowed_by(const domain::ScopeSet& token_scopes) const;
};

// Why a stream cannot be subscribed to, in Mastodon's words.
struct StreamError {
  std::string message;  // "Unknown stream type", "Missing tag name parameter", ...
};

// Parses a stream name and its parameters as given in the query string or a subscribe message.
std::variant<Stream, StreamError> parse_stream(std::string_view name, std::string_view tag,
                                               std::string_view list);

}  // namespace lox::streaming
