#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace lox::activitypub {

// What the inbox does with a verified activity, decided from the document alone (the processing
// job then checks it against what is stored). Every form real servers send maps to one of these.
enum class InboundAction {
  kFollow,
  kAccept,
  kReject,
  kUndo,
  kBlock,
  kCreateNote,  // Create of a Note, Question, Article, Page, or a converted Video/Image/Audio/Event
  kVote,        // Create(Note) answering a poll: a name, inReplyTo and no content
  kUpdateNote,
  kUpdateActor,   // Update(Person/Service/Group/...)
  kDeleteObject,  // Delete of a status (bare id or Tombstone)
  kDeleteActor,   // an actor's own Delete
  kAnnounce,
  kLike,
  kFlag,    // a report about accounts (and statuses) here
  kMove,    // the actor moved to `target` (which must list the actor in alsoKnownAs)
  kIgnore,  // accepted (202) and dropped, for `reason`
};

struct InboundPlan {
  InboundAction action = InboundAction::kIgnore;
  std::string reason;  // why an ignored activity is ignored
};

InboundPlan plan_inbound(const nlohmann::json& activity);
const char* to_string(InboundAction action);

}  // namespace lox::activitypub
