// Fuzzes the readers of ActivityPub JSON: every byte of an inbox delivery, a fetched actor or a
// WebFinger answer comes from another server, and reaches these functions after the depth and
// size limits of util/json_limits.hpp. A crash here is one delivery from any server (signed
// with its own key) away from ending the process.
//
// Only the exceptions a function documents are caught; anything else escaping (a nlohmann
// type_error on an unexpected shape, say) aborts, as it would fail the request or job.
#include <loxodon/activitypub/actor_reader.hpp>
#include <loxodon/activitypub/emoji_reader.hpp>
#include <loxodon/activitypub/inbound_activity.hpp>
#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/json_limits.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using nlohmann::json;
namespace ap = lox::activitypub;

// Limits the readers promise (note_documents.hpp, actor_reader.hpp, emoji_reader.hpp): checked
// because a reader that forgets one lets a single document cost unbounded storage. The texts
// the reader rewrites (sanitised, cut) must stay valid UTF-8: PostgreSQL refuses anything else,
// and the inbox job would fail on every retry.
void check_note(const ap::RemoteNote& note) {
  if (!lox::valid_utf8(note.content_html) || !lox::valid_utf8(note.summary)) std::abort();
  for (const auto& a : note.attachments) {
    if (!lox::valid_utf8(a.description)) std::abort();
  }
  if (note.poll) {
    for (const auto& option : note.poll->options) {
      if (!lox::valid_utf8(option)) std::abort();
    }
  }
  if (note.attachments.size() > ap::kMaxRemoteAttachments) std::abort();
  if (note.emojis.size() > ap::kMaxEmojisPerObject) std::abort();
  if (note.hashtags.size() > 50) std::abort();
  if (note.poll && note.poll->options.size() > ap::kMaxRemotePollOptions) std::abort();
  if (note.summary.size() > ap::kMaxRemoteSummaryBytes) std::abort();
}

void check_actor(const ap::RemoteActor& actor) {
  if (!lox::valid_utf8(actor.summary_html) || !lox::valid_utf8(actor.display_name)) std::abort();
  if (actor.fields.size() > ap::kMaxRemoteFields) std::abort();
  if (actor.emojis.size() > ap::kMaxEmojisPerObject) std::abort();
}

// Everything the inbox and the fetchers run on one parsed document.
void read_everything(const json& doc, std::string_view raw) {
  if (auto note = ap::read_note(doc)) check_note(*note);
  try {
    check_actor(ap::read_actor(doc));
  } catch (const ap::ActorError&) {
    // A document that is not a usable actor: documented.
  }
  (void)ap::webfinger_actor_link(doc);
  (void)ap::to_string(ap::plan_inbound(doc).action);
  // The raw text stands in for the name, content and summary the callers pass: any :code: the
  // document mentions anywhere then counts as used.
  std::vector<std::string_view> texts{raw};
  if (ap::read_emojis(doc, texts).size() > ap::kMaxEmojisPerObject) std::abort();
  // Activities embed their object: read it on its own as the inbox job does.
  if (doc.is_object()) {
    auto object = doc.find("object");
    if (object != doc.end() && object->is_object()) {
      if (auto note = ap::read_note(*object)) check_note(*note);
      (void)ap::read_emojis(*object, texts);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  // The two entry points must agree: refused by one exactly when discarded by the other.
  json limited;
  bool refused = false;
  try {
    limited = lox::parse_json_limited(text);
  } catch (const lox::Error&) {
    refused = true;
  }
  const json doc = lox::parse_json_or_discarded(text);
  if (refused != doc.is_discarded()) std::abort();
  if (refused) return 0;
  if (limited != doc) std::abort();

  read_everything(doc, text);
  return 0;
}
