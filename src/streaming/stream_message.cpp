#include <loxodon/streaming/stream_message.hpp>

#include <nlohmann/json.hpp>

namespace lox::streaming {

StreamMessage::StreamMessage(Stream stream, std::string_view event,
                             std::optional<std::string> payload)
    : stream_(std::move(stream)), event_(event), payload_(std::move(payload)) {}

const std::string& StreamMessage::websocket() const {
  if (!websocket_) {
    nlohmann::json frame = {{"stream", stream_.event_names()}, {"event", event_}};
    if (payload_) frame["payload"] = *payload_;
    websocket_ = frame.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return *websocket_;
}

const std::string& StreamMessage::event_stream() const {
  if (!event_stream_) {
    // Payloads are compact JSON or ids: one line. An event without one carries JSON null, so
    // clients that parse every data line (Mastodon.py) accept it.
    event_stream_ = "event: " + event_ + "\ndata: " + payload_.value_or("null") + "\n\n";
  }
  return *event_stream_;
}

}  // namespace lox::streaming
