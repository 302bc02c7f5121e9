#pragma once

#include <loxodon/http/stream_endpoint.hpp>
#include <loxodon/http/streamed_body.hpp>

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lox::http {

struct Response {
  unsigned status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // Set by streaming handlers: the server takes the connection over instead of writing a body.
  std::shared_ptr<StreamUpgrade> upgrade;
  // Set instead of `body` for large files: the server sends it a part at a time.
  std::shared_ptr<StreamedBody> streamed;

  // Replaces any header of the same name.
  void set_header(std::string name, std::string value);
  bool has_header(std::string_view name) const;

  static Response json(unsigned status, const nlohmann::json& body);
  static Response json_text(unsigned status, std::string body);
  // Mastodon's error shape: {"error": "..."}.
  static Response error(unsigned status, std::string_view message);
  // The same with Mastodon's per-field "details" object (serialized JSON).
  static Response error(unsigned status, std::string_view message, const std::string& details_json);
  static Response text(unsigned status, std::string body, std::string content_type);
};

}  // namespace lox::http
