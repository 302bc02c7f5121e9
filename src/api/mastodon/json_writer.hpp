#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace lox::api::mastodon {

// Streams JSON text straight into a string (RapidJSON's writer underneath), for the responses
// that are large and frequent — pages of statuses — where building a tree of values first
// costs more than the rest of the request. Keys and values are written in call order.
class JsonWriter {
 public:
  JsonWriter();
  ~JsonWriter();
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view name);

  void value(std::string_view text);
  void value(bool flag);
  void value(std::int64_t number);
  void null();
  // An already serialized JSON value, inserted as it is.
  void raw(std::string_view json);

  // "name": value shorthands.
  void field(std::string_view name, std::string_view text);
  void field(std::string_view name, const char* text) { field(name, std::string_view(text)); }
  void field(std::string_view name, const std::string& text) {
    field(name, std::string_view(text));
  }
  void field(std::string_view name, const std::optional<std::string>& text);  // null when empty
  void bool_field(std::string_view name, bool flag);
  void number_field(std::string_view name, std::int64_t number);
  void null_field(std::string_view name);
  void empty_array_field(std::string_view name);

  std::string take();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lox::api::mastodon
