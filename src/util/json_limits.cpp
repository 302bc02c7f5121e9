#include <loxodon/util/error.hpp>
#include <loxodon/util/json_limits.hpp>

namespace lox {

nlohmann::json parse_json_limited(std::string_view text, std::size_t max_depth,
                                  std::size_t max_bytes) {
  if (text.size() > max_bytes) {
    throw Error(ErrorCode::kPayloadTooLarge, "JSON document is too large");
  }
  bool too_deep = false;
  auto callback = [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (static_cast<std::size_t>(depth) > max_depth) too_deep = true;
    return !too_deep;
  };
  nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), callback,
                                             /*allow_exceptions=*/false);
  if (too_deep) throw Error(ErrorCode::kBadRequest, "JSON document is nested too deeply");
  if (doc.is_discarded()) throw Error(ErrorCode::kBadRequest, "Request body is not valid JSON");
  return doc;
}

}  // namespace lox
