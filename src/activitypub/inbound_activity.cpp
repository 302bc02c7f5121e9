#include <loxodon/activitypub/actor_reader.hpp>
#include <loxodon/activitypub/inbound_activity.hpp>
#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/activitypub/note_documents.hpp>

namespace lox::activitypub {

using nlohmann::json;

namespace {

std::string type_of(const json& value) {
  if (!value.is_object() || !value.contains("type")) return "";
  const json& t = value["type"];
  if (t.is_string()) return t.get<std::string>();
  if (t.is_array() && !t.empty() && t[0].is_string()) return t[0].get<std::string>();
  return "";
}

InboundPlan ignore(std::string reason) { return {InboundAction::kIgnore, std::move(reason)}; }

// Mastodon's poll answer: Create(Note) with the option as `name`, replying to the Question.
bool is_vote(const json& object) {
  return type_of(object) == "Note" && object.contains("name") && object["name"].is_string() &&
         object.contains("inReplyTo") && !object.contains("content");
}

}  // namespace

InboundPlan plan_inbound(const json& activity) {
  if (!activity.is_object()) return ignore("not a JSON object");
  const std::string type = type_of(activity);
  const json object = activity.value("object", json());
  const std::string actor = id_of(activity.value("actor", json()));
  if (type == "Follow") return {InboundAction::kFollow, ""};
  if (type == "Accept") return {InboundAction::kAccept, ""};
  if (type == "Reject") return {InboundAction::kReject, ""};
  if (type == "Undo") return {InboundAction::kUndo, ""};
  if (type == "Block") return {InboundAction::kBlock, ""};
  if (type == "Announce") return {InboundAction::kAnnounce, ""};
  // Misskey and Pleroma send reactions as Like with the emoji in `content`/`_misskey_reaction`:
  // Mastodon counts them as favourites, and so does Loxodon.
  if (type == "Like") return {InboundAction::kLike, ""};
  if (type == "Create") {
    if (is_vote(object)) return {InboundAction::kVote, ""};
    if (!object.is_object()) {
      return ignore("Create of a bare id: the object is fetched only when a status refers to it");
    }
    std::string object_type = type_of(object);
    if (object_type == "ChatMessage") {
      return ignore("ChatMessage is Pleroma's private chat, which Mastodon does not show");
    }
    if (!read_note(object)) {
      return ignore("Create of " + (object_type.empty() ? "an untyped object" : object_type) +
                    ", which is not a status (or lacks an id or author)");
    }
    return {InboundAction::kCreateNote, ""};
  }
  if (type == "Update") {
    if (object.is_object() && is_actor_type(object.value("type", json()))) {
      return {InboundAction::kUpdateActor, ""};
    }
    if (object.is_object() && read_note(object)) return {InboundAction::kUpdateNote, ""};
    return ignore("Update of " + (type_of(object).empty() ? "a bare id" : type_of(object)) +
                  ", which is not an actor or a status");
  }
  if (type == "Delete") {
    if (!actor.empty() && id_of(object) == actor) return {InboundAction::kDeleteActor, ""};
    if (id_of(object).empty()) return ignore("Delete without an object id");
    return {InboundAction::kDeleteObject, ""};
  }
  if (type == "Flag") {
    if (ids_of(activity.value("object", json())).empty()) return ignore("Flag without objects");
    return {InboundAction::kFlag, ""};
  }
  if (type == "Move") {
    // Only an account moves itself (Mastodon: the object is the actor).
    if (actor.empty() || id_of(object) != actor) return ignore("Move of another actor");
    if (id_of(activity.value("target", json())).empty()) return ignore("Move without a target");
    return {InboundAction::kMove, ""};
  }
  if (type == "Dislike") return ignore("Mastodon has no dislikes");
  if (type == "EmojiReact") {
    return ignore("emoji reactions have no place in Mastodon's status API (Like is counted)");
  }
  if (type == "Add" || type == "Remove") {
    return ignore("featured (pinned) collections are read when the actor is fetched");
  }
  return ignore("unknown activity type " + (type.empty() ? std::string("(none)") : type));
}

const char* to_string(InboundAction action) {
  switch (action) {
    case InboundAction::kFollow:
      return "follow";
    case InboundAction::kAccept:
      return "accept";
    case InboundAction::kReject:
      return "reject";
    case InboundAction::kUndo:
      return "undo";
    case InboundAction::kBlock:
      return "block";
    case InboundAction::kCreateNote:
      return "create-note";
    case InboundAction::kVote:
      return "vote";
    case InboundAction::kUpdateNote:
      return "update-note";
    case InboundAction::kUpdateActor:
      return "update-actor";
    case InboundAction::kDeleteObject:
      return "delete-object";
    case InboundAction::kDeleteActor:
      return "delete-actor";
    case InboundAction::kAnnounce:
      return "announce";
    case InboundAction::kLike:
      return "like";
    case InboundAction::kFlag:
      return "flag";
    case InboundAction::kMove:
      return "move";
    case InboundAction::kIgnore:
      return "ignore";
  }
  return "ignore";
}

}  // namespace lox::activitypub
