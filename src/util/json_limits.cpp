#include <loxodon/util/error.hpp>
#include <loxodon/util/json_limits.hpp>

namespace lox {

namespace {

enum class Refusal { kNone, kTooLarge, kTooDeep, kInvalid };

// The callback parser builds nothing below a subtree the callback refuses, so a refused
// document costs its bytes and a bit per nesting level, never a tree.
nlohmann::json parse_bounded(std::string_view text, std::size_t max_depth, std::size_t max_bytes,
                             Refusal& refusal) {
  refusal = Refusal::kNone;
  if (text.size() > max_bytes) {
    refusal = Refusal::kTooLarge;
    return nlohmann::json(nlohmann::json::value_t::discarded);
  }
  bool too_deep = false;
  auto callback = [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (static_cast<std::size_t>(depth) > max_depth) too_deep = true;
    return !too_deep;
  };
  nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), callback,
                                             /*allow_exceptions=*/false);
  if (too_deep) {
    refusal = Refusal::kTooDeep;
    return nlohmann::json(nlohmann::json::value_t::discarded);
  }
  if (doc.is_discarded()) refusal = Refusal::kInvalid;
  return doc;
}

}  // namespace

nlohmann::json parse_json_limited(std::string_view text, std::size_t max_depth,
                                  std::size_t max_bytes) {
  Refusal refusal;
  nlohmann::json doc = parse_bounded(text, max_depth, max_bytes, refusal);
  switch (refusal) {
    case Refusal::kTooLarge:
      throw Error(ErrorCode::kPayloadTooLarge, "JSON document is too large");
    case Refusal::kTooDeep:
      throw Error(ErrorCode::kBadRequest, "JSON document is nested too deeply");
    case Refusal::kInvalid:
      throw Error(ErrorCode::kBadRequest, "Request body is not valid JSON");
    case Refusal::kNone:
      break;
  }
  return doc;
}

nlohmann::json parse_json_or_discarded(std::string_view text, std::size_t max_depth,
                                       std::size_t max_bytes) {
  Refusal refusal;
  return parse_bounded(text, max_depth, max_bytes, refusal);
}

}  // namespace lox
