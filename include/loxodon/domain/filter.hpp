#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lox::domain {

enum class FilterAction { kWarn = 0, kHide = 1, kBlur = 2 };

std::optional<FilterAction> parse_filter_action(std::string_view text);
const char* filter_action_name(FilterAction action);

// Where a status is being shown. kNone (a single status, search) reports every active filter
// that matches and hides nothing; the others keep the filters for that place and drop
// statuses a "hide" filter matches.
enum class FilterContext { kNone, kHome, kNotifications, kPublic, kThread, kAccount };

const char* filter_context_name(FilterContext context);
bool valid_filter_context(std::string_view name);

struct FilterKeyword {
  std::int64_t id = 0;
  std::string keyword;
  bool whole_word = true;
};

struct FilterStatus {
  std::int64_t id = 0;
  std::int64_t status_id = 0;
};

struct Filter {
  std::int64_t id = 0;
  std::string title;
  std::vector<std::string> contexts;
  std::optional<std::chrono::system_clock::time_point> expires_at;
  FilterAction action = FilterAction::kWarn;
  std::vector<FilterKeyword> keywords;
  std::vector<FilterStatus> statuses;

  bool applies_in(FilterContext context) const;
};

// A filter that matched a status, with what matched (Mastodon's FilterResult). The filter
// carries no keywords or statuses here, as Mastodon serializes it.
struct FilterResult {
  Filter filter;
  std::vector<std::string> keyword_matches;
  std::vector<std::string> status_matches;
};

// The keyword as a PostgreSQL regular expression (ARE): metacharacters escaped and, for whole
// words, word boundaries on the sides that begin or end with a word character (as Mastodon
// builds its Ruby regexp), so "#tag" still matches after a space.
std::string filter_keyword_pattern(std::string_view keyword, bool whole_word);

}  // namespace lox::domain
