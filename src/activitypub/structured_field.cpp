#include <loxodon/activitypub/structured_field.hpp>
#include <loxodon/util/base64.hpp>

#include <cctype>

namespace lox::activitypub {

namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  std::optional<SfDictionary> dictionary() {
    SfDictionary out;
    skip_sp();
    if (done()) return out;
    while (true) {
      auto key = this->key();
      if (!key) return std::nullopt;
      SfMember member;
      std::size_t start = i_;
      if (peek() == '=') {
        ++i_;
        start = i_;
        if (!member_value(member)) return std::nullopt;
      } else {
        // A key alone is the boolean true, with parameters.
        member.items.push_back(SfItem{{SfBareItem::Type::kBoolean, "", 0, true}, {}});
        if (!params(member.items.back().params)) return std::nullopt;
        member.params = member.items.back().params;
      }
      member.raw = std::string(s_.substr(start, i_ - start));
      out.emplace_back(std::move(*key), std::move(member));
      skip_ows();
      if (done()) return out;
      if (peek() != ',') return std::nullopt;
      ++i_;
      skip_ows();
      if (done()) return std::nullopt;  // a trailing comma
    }
  }

 private:
  bool done() const { return i_ >= s_.size(); }
  char peek() const { return done() ? '\0' : s_[i_]; }
  void skip_sp() {
    while (!done() && s_[i_] == ' ') ++i_;
  }
  void skip_ows() {
    while (!done() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }

  std::optional<std::string> key() {
    char c = peek();
    if (!(std::islower(static_cast<unsigned char>(c)) || c == '*')) return std::nullopt;
    std::string k;
    while (!done()) {
      c = s_[i_];
      if (std::islower(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
          c == '*') {
        k.push_back(c);
        ++i_;
      } else {
        break;
      }
    }
    return k;
  }

  bool member_value(SfMember& m) {
    if (peek() == '(') {
      m.inner_list = true;
      ++i_;
      while (true) {
        skip_sp();
        if (peek() == ')') {
          ++i_;
          return params(m.params);
        }
        SfItem item;
        if (!bare_item(item.value) || !params(item.params)) return false;
        m.items.push_back(std::move(item));
        if (peek() != ' ' && peek() != ')') return false;
      }
    }
    SfItem item;
    if (!bare_item(item.value) || !params(item.params)) return false;
    m.params = item.params;
    m.items.push_back(std::move(item));
    return true;
  }

  bool params(SfParams& out) {
    while (peek() == ';') {
      ++i_;
      skip_sp();
      auto k = key();
      if (!k) return false;
      SfBareItem v{SfBareItem::Type::kBoolean, "", 0, true};
      if (peek() == '=') {
        ++i_;
        if (!bare_item(v)) return false;
      }
      out.emplace_back(std::move(*k), std::move(v));
    }
    return true;
  }

  bool bare_item(SfBareItem& v) {
    char c = peek();
    if (c == '"') return string(v);
    if (c == ':') return bytes(v);
    if (c == '?') {
      ++i_;
      if (peek() != '0' && peek() != '1') return false;
      v = {SfBareItem::Type::kBoolean, "", 0, s_[i_++] == '1'};
      return true;
    }
    if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) return number(v);
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '*') return token(v);
    return false;
  }

  bool string(SfBareItem& v) {
    ++i_;
    v.type = SfBareItem::Type::kString;
    while (!done()) {
      char c = s_[i_++];
      if (c == '\\') {
        if (done() || (s_[i_] != '"' && s_[i_] != '\\')) return false;
        v.text.push_back(s_[i_++]);
      } else if (c == '"') {
        return true;
      } else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) {
        return false;
      } else {
        v.text.push_back(c);
      }
    }
    return false;
  }

  bool bytes(SfBareItem& v) {
    ++i_;
    auto end = s_.find(':', i_);
    if (end == std::string_view::npos) return false;
    auto decoded = base64_decode(s_.substr(i_, end - i_));
    if (!decoded) return false;
    v = {SfBareItem::Type::kBytes, std::move(*decoded), 0, false};
    i_ = end + 1;
    return true;
  }

  bool number(SfBareItem& v) {
    std::size_t start = i_;
    if (peek() == '-') ++i_;
    bool decimal = false;
    while (!done() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.')) {
      if (s_[i_] == '.') {
        if (decimal) return false;
        decimal = true;
      }
      ++i_;
    }
    std::string text(s_.substr(start, i_ - start));
    if (text.empty() || text == "-" || text.size() > 20) return false;
    if (decimal) {
      v = {SfBareItem::Type::kDecimal, text, 0, false};
    } else {
      if (text.size() > (text[0] == '-' ? 16u : 15u)) return false;
      v = {SfBareItem::Type::kInteger, text, std::stoll(text), false};
    }
    return true;
  }

  bool token(SfBareItem& v) {
    std::size_t start = i_;
    while (!done()) {
      auto c = static_cast<unsigned char>(s_[i_]);
      if (std::isalnum(c) || std::string_view("!#$%&'*+-.^_`|~:/").find(static_cast<char>(c)) !=
                                 std::string_view::npos) {
        ++i_;
      } else {
        break;
      }
    }
    v = {SfBareItem::Type::kToken, std::string(s_.substr(start, i_ - start)), 0, false};
    return true;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

std::string serialize_bare(const SfBareItem& v) {
  switch (v.type) {
    case SfBareItem::Type::kString: {
      std::string out = "\"";
      for (char c : v.text) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
      }
      return out + "\"";
    }
    case SfBareItem::Type::kBytes:
      return ":" + base64_encode(v.text) + ":";
    case SfBareItem::Type::kBoolean:
      return v.boolean ? "?1" : "?0";
    case SfBareItem::Type::kInteger:
    case SfBareItem::Type::kDecimal:
    case SfBareItem::Type::kToken:
      return v.text;
  }
  return v.text;
}

const SfBareItem* find_param(const SfParams& params, std::string_view name) {
  for (const auto& [k, v] : params) {
    if (k == name) return &v;
  }
  return nullptr;
}

}  // namespace

std::string SfItem::serialize() const {
  std::string out = serialize_bare(value);
  for (const auto& [k, v] : params) {
    out += ";" + k;
    if (!(v.type == SfBareItem::Type::kBoolean && v.boolean)) out += "=" + serialize_bare(v);
  }
  return out;
}

const SfBareItem* SfItem::param(std::string_view name) const { return find_param(params, name); }
const SfBareItem* SfMember::param(std::string_view name) const { return find_param(params, name); }

std::optional<SfDictionary> parse_sf_dictionary(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return Parser(text).dictionary();
}

}  // namespace lox::activitypub
