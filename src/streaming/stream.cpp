#include <loxodon/domain/username.hpp>
#include <loxodon/streaming/stream.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

namespace lox::streaming {

namespace {

constexpr std::array<std::pair<std::string_view, Stream::Kind>, 12> kNames = {{
    {"user", Stream::Kind::kUser},
    {"user:notification", Stream::Kind::kUserNotification},
    {"public", Stream::Kind::kPublic},
    {"public:media", Stream::Kind::kPublicMedia},
    {"public:local", Stream::Kind::kPublicLocal},
    {"public:local:media", Stream::Kind::kPublicLocalMedia},
    {"public:remote", Stream::Kind::kPublicRemote},
    {"public:remote:media", Stream::Kind::kPublicRemoteMedia},
    {"hashtag", Stream::Kind::kHashtag},
    {"hashtag:local", Stream::Kind::kHashtagLocal},
    {"list", Stream::Kind::kList},
    {"direct", Stream::Kind::kDirect},
}};

}  // namespace

std::string Stream::name() const {
  for (const auto& [n, k] : kNames) {
    if (k == kind) return std::string(n);
  }
  return "";
}

std::vector<std::string> Stream::event_names() const {
  std::vector<std::string> out{name()};
  // masto.js drops events whose array lacks the exact tag it subscribed with.
  if (hashtag()) out.push_back(tag_as_given.empty() ? tag : tag_as_given);
  if (kind == Kind::kList) out.push_back(std::to_string(list_id));
  return out;
}

bool Stream::personal() const {
  return kind == Kind::kUser || kind == Kind::kUserNotification || kind == Kind::kDirect;
}

std::vector<std::string> Stream::scopes() const {
  // As Mastodon's streaming server: `read` opens everything; the narrower scopes open the
  // streams that carry what they cover.
  switch (kind) {
    case Kind::kUser:
    case Kind::kList:
    case Kind::kDirect:
      return {"read", "read:statuses"};
    case Kind::kUserNotification:
      return {"read", "read:notifications"};
    default:
      return {};
  }
}

bool Stream::allowed_by(const domain::ScopeSet& token_scopes) const {
  auto needed = scopes();
  return needed.empty() || std::any_of(needed.begin(), needed.end(), [&](const std::string& s) {
           return token_scopes.allows(s);
         });
}

std::variant<Stream, StreamError> parse_stream(std::string_view name, std::string_view tag,
                                               std::string_view list) {
  Stream s;
  bool known = false;
  for (const auto& [n, k] : kNames) {
    if (n == name) {
      s.kind = k;
      known = true;
    }
  }
  if (!known) return StreamError{"Unknown stream type"};
  if (s.hashtag()) {
    s.tag_as_given = std::string(tag);
    if (!tag.empty() && tag.front() == '#') tag.remove_prefix(1);
    if (tag.empty()) return StreamError{"Missing tag name parameter"};
    s.tag = domain::lowercase(tag);
  }
  if (s.kind == Stream::Kind::kList) {
    auto [end, ec] = std::from_chars(list.data(), list.data() + list.size(), s.list_id);
    if (list.empty() || ec != std::errc() || end != list.data() + list.size() || s.list_id <= 0) {
      return StreamError{"Missing list name parameter"};
    }
  }
  return s;
}

}  // namespace lox::streaming
