#include <loxodon/db/stream_repository.hpp>
#include <loxodon/streaming/event.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <utility>

namespace lox::streaming {

namespace {

constexpr std::array<std::pair<Event::Kind, std::string_view>, 10> kNames = {{
    {Event::Kind::kUpdate, "update"},
    {Event::Kind::kStatusUpdate, "status.update"},
    {Event::Kind::kDelete, "delete"},
    {Event::Kind::kNotification, "notification"},
    {Event::Kind::kConversation, "conversation"},
    {Event::Kind::kFiltersChanged, "filters_changed"},
    {Event::Kind::kAnnouncement, "announcement"},
    {Event::Kind::kAnnouncementDelete, "announcement.delete"},
    {Event::Kind::kAnnouncementReaction, "announcement.reaction"},
    {Event::Kind::kAccessRevoked, "kill"},
}};

}  // namespace

std::string_view event_name(Event::Kind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "";
}

std::string encode(const Event& event) {
  nlohmann::json j = {{"e", event_name(event.kind)}};
  if (event.id != 0) j["id"] = event.id;
  if (event.account_id != 0) j["a"] = event.account_id;
  if (!event.name.empty()) j["n"] = event.name;
  return j.dump();
}

std::optional<Event> decode(std::string_view payload) {
  auto j = nlohmann::json::parse(payload, nullptr, false);
  if (!j.is_object() || !j.contains("e") || !j["e"].is_string()) return std::nullopt;
  Event event;
  bool known = false;
  for (const auto& [k, name] : kNames) {
    if (name == j["e"].get<std::string>()) {
      event.kind = k;
      known = true;
    }
  }
  if (!known) return std::nullopt;
  if (j.contains("id")) {
    if (!j["id"].is_number_integer()) return std::nullopt;
    event.id = j["id"].get<std::int64_t>();
  }
  if (j.contains("a")) {
    if (!j["a"].is_number_integer()) return std::nullopt;
    event.account_id = j["a"].get<std::int64_t>();
  }
  if (j.contains("n")) {
    if (!j["n"].is_string()) return std::nullopt;
    event.name = j["n"].get<std::string>();
  }
  return event;
}

void publish(db::Tx& tx, const Event& event) { db::StreamRepository::publish(tx, encode(event)); }

}  // namespace lox::streaming
