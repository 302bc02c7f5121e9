#include <loxodon/domain/scopes.hpp>

#include <algorithm>

namespace lox::domain {

const std::vector<std::string>& all_scopes() {
  static const std::vector<std::string> scopes = {"read",
                                                  "write",
                                                  "follow",
                                                  "push",
                                                  "profile",
                                                  "admin:read",
                                                  "admin:write",
                                                  "read:accounts",
                                                  "read:blocks",
                                                  "read:bookmarks",
                                                  "read:favourites",
                                                  "read:filters",
                                                  "read:follows",
                                                  "read:lists",
                                                  "read:mutes",
                                                  "read:notifications",
                                                  "read:search",
                                                  "read:statuses",
                                                  "write:accounts",
                                                  "write:blocks",
                                                  "write:bookmarks",
                                                  "write:conversations",
                                                  "write:favourites",
                                                  "write:filters",
                                                  "write:follows",
                                                  "write:lists",
                                                  "write:media",
                                                  "write:mutes",
                                                  "write:notifications",
                                                  "write:reports",
                                                  "write:statuses",
                                                  "admin:read:accounts",
                                                  "admin:read:reports",
                                                  "admin:read:domain_allows",
                                                  "admin:read:domain_blocks",
                                                  "admin:read:ip_blocks",
                                                  "admin:read:email_domain_blocks",
                                                  "admin:read:canonical_email_blocks",
                                                  "admin:write:accounts",
                                                  "admin:write:reports",
                                                  "admin:write:domain_allows",
                                                  "admin:write:domain_blocks",
                                                  "admin:write:ip_blocks",
                                                  "admin:write:email_domain_blocks",
                                                  "admin:write:canonical_email_blocks"};
  return scopes;
}

bool is_known_scope(std::string_view scope) {
  const auto& all = all_scopes();
  return std::find(all.begin(), all.end(), scope) != all.end();
}

ScopeSet ScopeSet::parse(std::string_view text) {
  ScopeSet set;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find_first_of(" +\t,", pos);
    if (end == std::string_view::npos) end = text.size();
    if (end > pos) {
      std::string scope(text.substr(pos, end - pos));
      if (set.scopes_.insert(scope).second) set.ordered_.push_back(scope);
    }
    pos = end + 1;
  }
  return set;
}

bool ScopeSet::allows(std::string_view required) const {
  std::string req(required);
  if (scopes_.contains(req)) return true;
  auto parent_granted = [&](std::string_view prefix, const char* parent) {
    return req.starts_with(prefix) && scopes_.contains(parent);
  };
  if (parent_granted("admin:read:", "admin:read") ||
      parent_granted("admin:write:", "admin:write")) {
    return true;
  }
  if (parent_granted("read:", "read") || parent_granted("write:", "write")) return true;
  if (scopes_.contains("follow")) {
    static const std::set<std::string> kFollow = {"read:follows", "write:follows", "read:blocks",
                                                  "write:blocks", "read:mutes",    "write:mutes"};
    if (kFollow.contains(req)) return true;
  }
  return false;
}

bool ScopeSet::subset_of(const ScopeSet& other) const {
  return std::all_of(scopes_.begin(), scopes_.end(),
                     [&](const std::string& s) { return other.scopes_.contains(s); });
}

std::string ScopeSet::first_unknown() const {
  for (const auto& s : ordered_) {
    if (!is_known_scope(s)) return s;
  }
  return "";
}

std::vector<std::string> ScopeSet::list() const { return ordered_; }

std::string ScopeSet::to_string() const {
  std::string out;
  for (const auto& s : ordered_) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

}  // namespace lox::domain
