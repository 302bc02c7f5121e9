#include <loxodon/domain/status.hpp>

namespace lox::domain {

std::optional<Visibility> parse_visibility(std::string_view text) {
  if (text == "public") return Visibility::kPublic;
  if (text == "unlisted") return Visibility::kUnlisted;
  if (text == "private") return Visibility::kPrivate;
  if (text == "direct") return Visibility::kDirect;
  return std::nullopt;
}

const char* visibility_name(Visibility v) {
  switch (v) {
    case Visibility::kPublic:
      return "public";
    case Visibility::kUnlisted:
      return "unlisted";
    case Visibility::kPrivate:
      return "private";
    case Visibility::kDirect:
      return "direct";
  }
  return "public";
}

bool visible_to(Visibility visibility, const ViewerRelation& v) {
  if (v.is_author) return true;
  if (v.blocked) return false;
  switch (visibility) {
    case Visibility::kPublic:
    case Visibility::kUnlisted:
      return true;
    case Visibility::kPrivate:
      return v.follows_author || v.mentioned;
    case Visibility::kDirect:
      return v.mentioned;
  }
  return false;
}

}  // namespace lox::domain
