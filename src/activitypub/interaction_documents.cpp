#include <loxodon/activitypub/interaction_documents.hpp>

namespace lox::activitypub {

namespace {
constexpr const char* kContext = "https://www.w3.org/ns/activitystreams";

nlohmann::json activity_on(const std::string& actor, const std::string& id, const char* type,
                           const std::string& object) {
  return {{"@context", kContext}, {"id", id}, {"type", type}, {"actor", actor}, {"object", object}};
}
}  // namespace

nlohmann::json like_activity(const std::string& actor, const std::string& object_uri,
                             std::int64_t status_id) {
  return activity_on(actor, actor + "#likes/" + std::to_string(status_id), "Like", object_uri);
}

nlohmann::json follow_activity(const std::string& actor, const std::string& target_uri,
                               std::int64_t follow_row) {
  return activity_on(actor, actor + "#follows/" + std::to_string(follow_row), "Follow", target_uri);
}

nlohmann::json block_activity(const std::string& actor, const std::string& target_uri,
                              std::int64_t block_row) {
  return activity_on(actor, actor + "#blocks/" + std::to_string(block_row), "Block", target_uri);
}

nlohmann::json vote_activity(const std::string& actor, std::int64_t vote_row,
                             const std::string& option, const std::string& author_uri,
                             const std::string& question_uri) {
  const std::string id = actor + "#votes/" + std::to_string(vote_row);
  nlohmann::json note = {{"id", id},
                         {"type", "Note"},
                         {"name", option},
                         {"attributedTo", actor},
                         {"to", nlohmann::json::array({author_uri})},
                         {"inReplyTo", question_uri}};
  return {{"@context", kContext},
          {"id", id + "/activity"},
          {"type", "Create"},
          {"actor", actor},
          {"to", nlohmann::json::array({author_uri})},
          {"object", note}};
}

}  // namespace lox::activitypub
