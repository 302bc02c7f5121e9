#pragma once

#include <loxodon/http/request.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lox::http {

struct UploadedFile {
  std::string field;
  std::string filename;      // may be empty: clients (megalodon) send parts without one
  std::string content_type;  // as declared; never trusted for the real type
  // The part's bytes: a slice of the request body, in memory or in its spool file.
  ByteSource content;
};

// Request parameters the way Rails (and so Mastodon) merges them: query string, then the body
// as JSON, form (application/x-www-form-urlencoded) or multipart/form-data, with bracket keys
// ("source[privacy]", "media_ids[]", "fields_attributes[0][name]") turned into nested objects
// and arrays. A body with no Content-Type is read as a form. Values from forms are strings;
// the accessors convert them the way clients send them ("true", "1", 1, true).
class Params {
 public:
  // Throws lox::Error(400) for a body that does not parse. Text parts of a multipart body are
  // limited to kMaxTextPartBytes each; a spooled body that is not multipart to
  // kMaxSpooledTextBody (413): only files may be large.
  static constexpr std::size_t kMaxTextPartBytes = 1024 * 1024;
  static constexpr std::size_t kMaxSpooledTextBody = 1024 * 1024;
  static Params from_request(const Request& request);

  const nlohmann::json& values() const { return values_; }
  const std::vector<UploadedFile>& files() const { return files_; }
  const UploadedFile* file(std::string_view field) const;

  bool has(std::string_view key) const;
  // A string or number as text; nullopt when absent or null.
  std::optional<std::string> string(std::string_view key) const;
  std::string string_or(std::string_view key, std::string fallback) const;
  // true/false, "true"/"false", "1"/"0", "on"/"off"; nullopt when absent or not a boolean.
  std::optional<bool> boolean(std::string_view key) const;
  std::optional<long long> integer(std::string_view key) const;
  // "ids[]=1&ids[]=2", ids=[1,2] or a single "ids=1" as a list of strings.
  std::vector<std::string> list(std::string_view key) const;
  // A nested object ("source" in "source[privacy]"), or null.
  const nlohmann::json& object(std::string_view key) const;

  // Inserts a value at a Rails-style key path, creating objects and arrays on the way.
  void set(std::string_view key, nlohmann::json value);

 private:
  nlohmann::json values_ = nlohmann::json::object();
  std::vector<UploadedFile> files_;
};

// Value helpers shared with nested objects.
std::optional<std::string> json_string(const nlohmann::json& value);
std::optional<bool> json_boolean(const nlohmann::json& value);

}  // namespace lox::http
