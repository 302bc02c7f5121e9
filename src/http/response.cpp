#include <loxodon/http/request.hpp>
#include <loxodon/http/response.hpp>

#include <algorithm>

namespace lox::http {

void Response::set_header(std::string name, std::string value) {
  for (auto& [k, v] : headers) {
    if (iequals(k, name)) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

bool Response::has_header(std::string_view name) const {
  return std::any_of(headers.begin(), headers.end(),
                     [&](const auto& h) { return iequals(h.first, name); });
}

Response Response::json(unsigned status, const nlohmann::json& body) {
  // Replace invalid UTF-8 instead of throwing: a response must always be producible.
  return json_text(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response Response::json_text(unsigned status, std::string body) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  r.body = std::move(body);
  return r;
}

Response Response::error(unsigned status, std::string_view message) {
  return json(status, nlohmann::json{{"error", message}});
}

Response Response::error(unsigned status, std::string_view message,
                         const std::string& details_json) {
  if (details_json.empty()) return error(status, message);
  nlohmann::json body{{"error", message}};
  body["details"] = nlohmann::json::parse(details_json, nullptr, false);
  return json(status, body);
}

Response Response::text(unsigned status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", std::move(content_type));
  r.body = std::move(body);
  return r;
}

}  // namespace lox::http
