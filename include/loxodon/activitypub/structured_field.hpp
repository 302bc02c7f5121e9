#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lox::activitypub {

// The parts of RFC 8941 structured fields that HTTP message signatures and digests use:
// dictionaries whose members are items or inner lists, with parameters.
struct SfBareItem {
  enum class Type { kString, kToken, kInteger, kDecimal, kBytes, kBoolean };
  Type type = Type::kToken;
  std::string text;  // string, token, decimal as written, or the decoded bytes
  std::int64_t integer = 0;
  bool boolean = false;
};

using SfParams = std::vector<std::pair<std::string, SfBareItem>>;

struct SfItem {
  SfBareItem value;
  SfParams params;
  // The item serialized canonically (RFC 8941 §4.1), as a signature base names components.
  std::string serialize() const;
  const SfBareItem* param(std::string_view name) const;
};

struct SfMember {
  bool inner_list = false;
  std::vector<SfItem> items;  // the inner list's items, or the one item
  SfParams params;            // the inner list's parameters (or the item's)
  std::string raw;            // the member's value exactly as written
  const SfBareItem* param(std::string_view name) const;
};

using SfDictionary = std::vector<std::pair<std::string, SfMember>>;

// Nothing when the text is not a well-formed dictionary.
std::optional<SfDictionary> parse_sf_dictionary(std::string_view text);

}  // namespace lox::activitypub
