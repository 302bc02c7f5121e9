#include <loxodon/util/html.hpp>
#include <loxodon/util/json_log_formatter.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace lox {

namespace {

void append(spdlog::memory_buf_t& dest, std::string_view text) {
  dest.append(text.data(), text.data() + text.size());
}

// RFC 3339 in UTC with milliseconds, as the text format writes it.
std::string utc_time(std::chrono::system_clock::time_point at) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
  char millis[8];
  std::snprintf(millis, sizeof millis, ".%03dZ", static_cast<int>(ms % 1000));
  return std::string(date) + millis;
}

// The members of a message that is a JSON object, written as `,"k":v...`; empty when the
// message is not one (or has nothing to add), and is written as a message.
std::string merged_members(std::string_view message) {
  if (message.size() < 2 || message.front() != '{' || message.back() != '}') return {};
  auto object = nlohmann::json::parse(message, nullptr, false);
  if (!object.is_object()) return {};
  std::string out;
  for (const auto& [key, value] : object.items()) {
    if (key == "time" || key == "level" || key == "logger") continue;
    out += ',' + JsonLogFormatter::quote(key) + ':' +
           value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return out;
}

}  // namespace

std::string JsonLogFormatter::quote(std::string_view text) {
  const std::string valid = to_valid_utf8(text);
  std::string out;
  out.reserve(valid.size() + 2);
  out.push_back('"');
  for (char c : valid) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
  return out;
}

void JsonLogFormatter::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) {
  std::string_view message(msg.payload.data(), msg.payload.size());
  const auto level = spdlog::level::to_string_view(msg.level);
  append(dest, "{\"time\":\"");
  append(dest, utc_time(msg.time));
  append(dest, "\",\"level\":");
  append(dest, quote(std::string_view(level.data(), level.size())));
  append(dest, ",\"logger\":");
  append(dest, quote(std::string_view(msg.logger_name.data(), msg.logger_name.size())));
  std::string members = merged_members(message);
  if (members.empty()) {
    append(dest, ",\"message\":");
    append(dest, quote(message));
  } else {
    append(dest, members);
  }
  append(dest, "}\n");
}

std::unique_ptr<spdlog::formatter> JsonLogFormatter::clone() const {
  return std::make_unique<JsonLogFormatter>();
}

}  // namespace lox
