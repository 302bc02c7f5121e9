#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace lox::domain {

// Every OAuth scope Mastodon defines: the top-level ones and each granular read:/write:/admin:.
const std::vector<std::string>& all_scopes();
bool is_known_scope(std::string_view scope);

// A set of granted scopes and the rule for what each one allows: `read` covers every `read:*`,
// `write` every `write:*`, `admin:read` every `admin:read:*`, and the legacy `follow` covers
// reading and writing follows, blocks and mutes.
class ScopeSet {
 public:
  ScopeSet() = default;
  // Parses a space- or '+'-separated list; unknown scopes are kept so they can be rejected.
  static ScopeSet parse(std::string_view text);

  bool allows(std::string_view required) const;
  bool contains(std::string_view scope) const { return scopes_.contains(std::string(scope)); }
  bool empty() const { return scopes_.empty(); }
  // Every scope here is one the other set also has (as granted, not as implied).
  bool subset_of(const ScopeSet& other) const;
  // The first scope Mastodon does not define, or "" when all are known.
  std::string first_unknown() const;
  std::vector<std::string> list() const;  // in the order given
  std::string to_string() const;          // space-separated, in the order given

 private:
  std::vector<std::string> ordered_;
  std::set<std::string> scopes_;
};

}  // namespace lox::domain
