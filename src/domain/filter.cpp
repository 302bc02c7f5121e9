#include <loxodon/domain/filter.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace lox::domain {

namespace {
constexpr std::array<const char*, 5> kContexts = {"home", "notifications", "public", "thread",
                                                  "account"};

// Letters, digits and '_' are word characters; so is any byte of a multi-byte UTF-8
// character, since non-ASCII letters are words to PostgreSQL's \m and \M as well.
bool word_byte(unsigned char c) { return std::isalnum(c) != 0 || c == '_' || c >= 0x80; }
}  // namespace

std::optional<FilterAction> parse_filter_action(std::string_view text) {
  if (text == "warn") return FilterAction::kWarn;
  if (text == "hide") return FilterAction::kHide;
  if (text == "blur") return FilterAction::kBlur;
  return std::nullopt;
}

const char* filter_action_name(FilterAction action) {
  switch (action) {
    case FilterAction::kHide:
      return "hide";
    case FilterAction::kBlur:
      return "blur";
    case FilterAction::kWarn:
      break;
  }
  return "warn";
}

const char* filter_context_name(FilterContext context) {
  switch (context) {
    case FilterContext::kHome:
      return "home";
    case FilterContext::kNotifications:
      return "notifications";
    case FilterContext::kPublic:
      return "public";
    case FilterContext::kThread:
      return "thread";
    case FilterContext::kAccount:
      return "account";
    case FilterContext::kNone:
      break;
  }
  return "";
}

bool valid_filter_context(std::string_view name) {
  return std::find(kContexts.begin(), kContexts.end(), name) != kContexts.end();
}

bool Filter::applies_in(FilterContext context) const {
  if (context == FilterContext::kNone) return true;
  return std::find(contexts.begin(), contexts.end(), filter_context_name(context)) !=
         contexts.end();
}

std::string filter_keyword_pattern(std::string_view keyword, bool whole_word) {
  std::string out;
  bool starts_word = !keyword.empty() && word_byte(static_cast<unsigned char>(keyword.front()));
  bool ends_word = !keyword.empty() && word_byte(static_cast<unsigned char>(keyword.back()));
  if (whole_word && starts_word) out += "\\m";
  for (char c : keyword) {
    // Every ARE metacharacter, so the keyword only ever matches itself.
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  if (whole_word && ends_word) out += "\\M";
  return out;
}

}  // namespace lox::domain
