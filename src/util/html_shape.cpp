#include <loxodon/util/html_shape.hpp>

#include <algorithm>
#include <array>
#include <vector>

namespace lox {

namespace {

constexpr std::array<std::string_view, 14> kVoidElements = {
    "area",  "base", "br",   "col",   "embed",  "hr",    "img",
    "input", "link", "meta", "param", "source", "track", "wbr"};
// Starting one of these closes an open <p>, as an HTML parser does.
constexpr std::array<std::string_view, 11> kClosesParagraph = {
    "p", "ul", "ol", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"};

bool contains(std::span<const std::string_view> set, std::string_view name) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view name) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

struct Attribute {
  std::string name;
  std::string_view value;
};

struct Tag {
  std::string name;  // lower case
  bool end = false;
  std::vector<Attribute> attributes;
};

class Reducer {
 public:
  Reducer(std::string_view html, const HtmlShape& shape) : in_(html), shape_(shape) {
    out_.reserve(html.size());
  }

  std::string run() {
    while (pos_ < in_.size()) {
      std::size_t lt = in_.find('<', pos_);
      if (lt == std::string_view::npos) lt = in_.size();
      out_.append(in_.substr(pos_, lt - pos_));
      pos_ = lt;
      if (pos_ < in_.size()) markup();
    }
    while (!open_.empty()) close_top();
    return std::move(out_);
  }

 private:
  // At a '<': a tag, a comment, other markup (all consumed), or a lone '<' (text).
  void markup() {
    char next = pos_ + 1 < in_.size() ? in_[pos_ + 1] : '\0';
    if (next == '!' || next == '?') {
      skip_comment();
    } else if (next == '/' && pos_ + 2 < in_.size() && is_alpha(in_[pos_ + 2])) {
      pos_ += 2;
      Tag tag = read_tag(true);
      if (pos_ <= in_.size() && !truncated_) end_tag(tag.name);
    } else if (next == '/') {
      skip_to('>');  // "</>" and "</ …>" are bogus comments
    } else if (is_alpha(next)) {
      pos_ += 1;
      Tag tag = read_tag(false);
      if (!truncated_) start_tag(tag);
    } else {
      out_ += "&lt;";
      pos_ += 1;
    }
  }

  void skip_comment() {
    if (in_.substr(pos_).starts_with("<!--")) {
      std::size_t end = in_.find("-->", pos_ + 4);
      pos_ = end == std::string_view::npos ? in_.size() : end + 3;
    } else {
      skip_to('>');
    }
  }

  void skip_to(char c) {
    std::size_t end = in_.find(c, pos_);
    pos_ = end == std::string_view::npos ? in_.size() : end + 1;
  }

  // Reads a tag's name and attributes after "<" or "</", up to and including its '>'. A tag the
  // input ends inside is dropped, as an HTML parser drops it.
  Tag read_tag(bool end) {
    Tag tag;
    tag.end = end;
    while (pos_ < in_.size() && !is_space(in_[pos_]) && in_[pos_] != '/' && in_[pos_] != '>') {
      tag.name += lower(in_[pos_++]);
    }
    while (pos_ < in_.size()) {
      char c = in_[pos_];
      if (is_space(c) || c == '/') {
        ++pos_;
        continue;
      }
      if (c == '>') {
        ++pos_;
        return tag;
      }
      Attribute a;
      while (pos_ < in_.size() && !is_space(in_[pos_]) && in_[pos_] != '/' && in_[pos_] != '>' &&
             (in_[pos_] != '=' || a.name.empty())) {
        a.name += lower(in_[pos_++]);
      }
      while (pos_ < in_.size() && is_space(in_[pos_])) ++pos_;
      if (pos_ < in_.size() && in_[pos_] == '=') {
        ++pos_;
        while (pos_ < in_.size() && is_space(in_[pos_])) ++pos_;
        if (pos_ < in_.size() && (in_[pos_] == '"' || in_[pos_] == '\'')) {
          char quote = in_[pos_++];
          std::size_t close = in_.find(quote, pos_);
          if (close == std::string_view::npos) break;
          a.value = in_.substr(pos_, close - pos_);
          pos_ = close + 1;
        } else {
          std::size_t start = pos_;
          while (pos_ < in_.size() && !is_space(in_[pos_]) && in_[pos_] != '>') ++pos_;
          a.value = in_.substr(start, pos_ - start);
        }
      }
      if (tag.attributes.size() < kMaxAttributes) tag.attributes.push_back(std::move(a));
    }
    truncated_ = true;
    pos_ = in_.size();
    return tag;
  }

  void start_tag(const Tag& tag) {
    if (contains(shape_.drop_with_content, tag.name)) {
      skip_element(tag.name);
      return;
    }
    if (!contains(shape_.keep, tag.name)) return;
    bool is_void = contains(kVoidElements, tag.name);
    if (!is_void) {
      if (contains(kClosesParagraph, tag.name)) close_through("p");
      if (tag.name == "li") close_open_item();
      if (open_.size() >= shape_.max_depth) return;
    }
    out_ += '<';
    out_ += tag.name;
    for (const auto& a : tag.attributes) {
      if (a.name.empty() || !shape_.keep_attribute || !shape_.keep_attribute(tag.name, a.name)) {
        continue;
      }
      out_ += ' ';
      out_ += a.name;
      out_ += "=\"";
      append_attribute_value(a.value);
      out_ += '"';
    }
    out_ += '>';
    if (!is_void) open_.push_back(tag.name);
  }

  void end_tag(const std::string& name) {
    auto it = std::find(open_.rbegin(), open_.rend(), name);
    if (it == open_.rend()) return;  // nothing of that name is open: the end tag goes
    close_through(name);
  }

  // Closes open elements down to and including the innermost `name`, when one is open.
  void close_through(std::string_view name) {
    auto it = std::find(open_.rbegin(), open_.rend(), name);
    if (it == open_.rend()) return;
    std::size_t keep = static_cast<std::size_t>(open_.rend() - it) - 1;
    while (open_.size() > keep) close_top();
  }

  // A new <li> ends the open one of the same list.
  void close_open_item() {
    for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
      if (*it == "ul" || *it == "ol") return;
      if (*it == "li") {
        close_through("li");
        return;
      }
    }
  }

  void close_top() {
    out_ += "</";
    out_ += open_.back();
    out_ += '>';
    open_.pop_back();
  }

  // Skips an element's content up to its end tag (or the end of the input).
  void skip_element(const std::string& name) {
    std::string closing = "</" + name;
    while (pos_ < in_.size()) {
      std::size_t lt = in_.find("</", pos_);
      if (lt == std::string_view::npos) break;
      std::size_t after = lt + closing.size();
      bool match = after <= in_.size();
      for (std::size_t i = 2; match && i < closing.size(); ++i) {
        match = lower(in_[lt + i]) == closing[i];
      }
      if (match &&
          (after == in_.size() || is_space(in_[after]) || in_[after] == '>' || in_[after] == '/')) {
        pos_ = after;
        skip_to('>');
        return;
      }
      pos_ = lt + 2;
    }
    pos_ = in_.size();
  }

  void append_attribute_value(std::string_view value) {
    for (char c : value) {
      switch (c) {
        case '"':
          out_ += "&quot;";
          break;
        case '<':
          out_ += "&lt;";
          break;
        case '>':
          out_ += "&gt;";
          break;
        default:
          out_ += c;
      }
    }
  }

  static constexpr std::size_t kMaxAttributes = 32;

  std::string_view in_;
  const HtmlShape& shape_;
  std::size_t pos_ = 0;
  bool truncated_ = false;
  std::vector<std::string> open_;
  std::string out_;
};

}  // namespace

std::string reduce_html(std::string_view html, const HtmlShape& shape) {
  return Reducer(html, shape).run();
}

}  // namespace lox
