#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

#include <nlohmann/json.hpp>

namespace lox::services {

void ValidationErrors::add(const std::string& field, const std::string& label,
                           const std::string& code, const std::string& description) {
  entries_.push_back({field, label, code, description});
}

void ValidationErrors::throw_if_any() const {
  if (entries_.empty()) return;
  std::string message = "Validation failed: ";
  nlohmann::json details = nlohmann::json::object();
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const auto& e = entries_[i];
    if (i > 0) message += ", ";
    message += e.label + " " + e.description;
    details[e.field].push_back({{"error", e.code}, {"description", e.description}});
  }
  throw Error(ErrorCode::kUnprocessable, message).with_details_json(details.dump());
}

std::string bounded_text(const std::string& text, std::size_t max, const std::string& label) {
  if (utf8_length(text) > max) {
    throw validation_failed(label + " is too long (maximum is " + std::to_string(max) +
                            " characters)");
  }
  return to_valid_utf8(text);
}

}  // namespace lox::services
