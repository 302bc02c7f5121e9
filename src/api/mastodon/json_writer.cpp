#include "api/mastodon/json_writer.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace lox::api::mastodon {

struct JsonWriter::Impl {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer{buffer};
};

namespace {
rapidjson::SizeType size_of(std::string_view s) {
  return static_cast<rapidjson::SizeType>(s.size());
}
}  // namespace

JsonWriter::JsonWriter() : impl_(std::make_unique<Impl>()) {}
JsonWriter::~JsonWriter() = default;

void JsonWriter::begin_object() { impl_->writer.StartObject(); }
void JsonWriter::end_object() { impl_->writer.EndObject(); }
void JsonWriter::begin_array() { impl_->writer.StartArray(); }
void JsonWriter::end_array() { impl_->writer.EndArray(); }
void JsonWriter::key(std::string_view name) { impl_->writer.Key(name.data(), size_of(name)); }

void JsonWriter::value(std::string_view text) { impl_->writer.String(text.data(), size_of(text)); }
void JsonWriter::value(bool flag) { impl_->writer.Bool(flag); }
void JsonWriter::value(std::int64_t number) { impl_->writer.Int64(number); }
void JsonWriter::null() { impl_->writer.Null(); }
void JsonWriter::raw(std::string_view json) {
  impl_->writer.RawValue(json.data(), json.size(), rapidjson::kObjectType);
}

void JsonWriter::field(std::string_view name, std::string_view text) {
  key(name);
  value(text);
}
void JsonWriter::bool_field(std::string_view name, bool flag) {
  key(name);
  value(flag);
}
void JsonWriter::number_field(std::string_view name, std::int64_t number) {
  key(name);
  value(number);
}
void JsonWriter::field(std::string_view name, const std::optional<std::string>& text) {
  key(name);
  if (text) {
    value(std::string_view(*text));
  } else {
    null();
  }
}
void JsonWriter::null_field(std::string_view name) {
  key(name);
  null();
}
void JsonWriter::empty_array_field(std::string_view name) {
  key(name);
  begin_array();
  end_array();
}

std::string JsonWriter::take() {
  std::string out(impl_->buffer.GetString(), impl_->buffer.GetSize());
  impl_->buffer.Clear();
  return out;
}

}  // namespace lox::api::mastodon
