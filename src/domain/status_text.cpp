#include <loxodon/domain/status_text.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/util/html.hpp>

#include <algorithm>
#include <cctype>

namespace lox::domain {

namespace {

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

enum class Kind { kUrl, kMention, kTag };

struct Token {
  Kind kind;
  std::size_t begin;
  std::size_t end;  // exclusive
  MentionToken mention;
  std::string tag;
};

// http(s) URLs: up to whitespace, without trailing punctuation or an unbalanced closing paren.
std::optional<Token> url_at(std::string_view text, std::size_t i) {
  std::size_t scheme = 0;
  if (text.substr(i, 8) == "https://") {
    scheme = 8;
  } else if (text.substr(i, 7) == "http://") {
    scheme = 7;
  } else {
    return std::nullopt;
  }
  if (i > 0 && is_word_byte(static_cast<unsigned char>(text[i - 1]))) return std::nullopt;
  std::size_t end = i + scheme;
  while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
         text[end] != '<' && text[end] != '>' && text[end] != '"') {
    ++end;
  }
  auto trim = [&] {
    while (end > i + scheme) {
      char c = text[end - 1];
      if (c == '.' || c == ',' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\'') {
        --end;
        continue;
      }
      if (c == ')') {
        auto body = text.substr(i, end - i);
        if (std::count(body.begin(), body.end(), '(') < std::count(body.begin(), body.end(), ')')) {
          --end;
          continue;
        }
      }
      break;
    }
  };
  trim();
  if (end <= i + scheme) return std::nullopt;
  return Token{Kind::kUrl, i, end, {}, {}};
}

std::optional<Token> mention_at(std::string_view text, std::size_t i) {
  if (text[i] != '@') return std::nullopt;
  if (i > 0) {
    auto prev = static_cast<unsigned char>(text[i - 1]);
    if (is_word_byte(prev) || prev == '/' || prev == '@') return std::nullopt;
  }
  std::size_t p = i + 1;
  std::size_t name_start = p;
  while (p < text.size() && (std::isalnum(static_cast<unsigned char>(text[p])) || text[p] == '_' ||
                             text[p] == '.' || text[p] == '-')) {
    ++p;
  }
  // A username ends on a letter, digit or underscore.
  while (p > name_start && (text[p - 1] == '.' || text[p - 1] == '-')) --p;
  if (p == name_start) return std::nullopt;
  Token t{Kind::kMention,
          i,
          p,
          {std::string(text.substr(name_start, p - name_start)), std::nullopt},
          {}};
  if (p < text.size() && text[p] == '@') {
    std::size_t host_start = p + 1;
    std::size_t q = host_start;
    while (q < text.size() && (std::isalnum(static_cast<unsigned char>(text[q])) ||
                               text[q] == '.' || text[q] == '-' || text[q] == '_')) {
      ++q;
    }
    while (q > host_start && (text[q - 1] == '.' || text[q - 1] == '-')) --q;
    // Development and test instances carry a port: @bob@localhost:8081.
    if (q > host_start && q + 1 < text.size() && text[q] == ':' &&
        std::isdigit(static_cast<unsigned char>(text[q + 1]))) {
      std::size_t r = q + 1;
      while (r < text.size() && std::isdigit(static_cast<unsigned char>(text[r]))) ++r;
      q = r;
    }
    if (q > host_start) {
      t.mention.domain = std::string(text.substr(host_start, q - host_start));
      t.end = q;
    }
  }
  return t;
}

std::optional<Token> tag_at(std::string_view text, std::size_t i) {
  if (text[i] != '#') return std::nullopt;
  if (i > 0) {
    auto prev = static_cast<unsigned char>(text[i - 1]);
    if (is_word_byte(prev) || prev == '/' || prev == ')' || prev == '&') return std::nullopt;
  }
  std::size_t p = i + 1;
  while (p < text.size() && is_word_byte(static_cast<unsigned char>(text[p]))) ++p;
  auto name = text.substr(i + 1, p - i - 1);
  bool has_non_digit = std::any_of(name.begin(), name.end(), [](char c) {
    return !std::isdigit(static_cast<unsigned char>(c));
  });
  if (name.empty() || !has_non_digit || name.size() > 100) return std::nullopt;
  return Token{Kind::kTag, i, p, {}, std::string(name)};
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < text.size();) {
    std::optional<Token> t;
    char c = text[i];
    if (c == 'h') {
      t = url_at(text, i);
    } else if (c == '@') {
      t = mention_at(text, i);
    } else if (c == '#') {
      t = tag_at(text, i);
    }
    if (t) {
      i = t->end;
      tokens.push_back(std::move(*t));
    } else {
      ++i;
    }
  }
  return tokens;
}

std::string link_html(std::string_view url) {
  std::size_t scheme = url.starts_with("https://") ? 8 : 7;
  std::string_view rest = url.substr(scheme);
  std::string html = "<a href=\"" + html_escape(url) +
                     "\" target=\"_blank\" rel=\"nofollow noopener noreferrer\" translate=\"no\">"
                     "<span class=\"invisible\">" +
                     html_escape(url.substr(0, scheme)) + "</span>";
  constexpr std::size_t kShown = 30;
  if (utf8_length(rest) > kShown) {
    // Cut on a character boundary.
    std::size_t cut = 0, chars = 0;
    while (cut < rest.size() && chars < kShown) {
      ++cut;
      while (cut < rest.size() && (static_cast<unsigned char>(rest[cut]) & 0xc0) == 0x80) ++cut;
      ++chars;
    }
    html += "<span class=\"ellipsis\">" + html_escape(rest.substr(0, cut)) +
            "</span><span class=\"invisible\">" + html_escape(rest.substr(cut)) + "</span>";
  } else {
    html += "<span class=\"\">" + html_escape(rest) + "</span><span class=\"invisible\"></span>";
  }
  return html + "</a>";
}

// Escapes `text` and turns line breaks into <br /> (paragraph splitting happens outside).
std::string text_html(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    auto nl = text.find('\n', start);
    out += html_escape(text.substr(start, nl == std::string_view::npos ? text.npos : nl - start));
    if (nl == std::string_view::npos) break;
    out += "<br />";
    start = nl + 1;
  }
  return out;
}

std::string normalize_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      out.push_back('\n');
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace

std::vector<MentionToken> find_mentions(std::string_view text) {
  std::vector<MentionToken> out;
  for (auto& t : tokenize(text)) {
    if (t.kind == Kind::kMention) out.push_back(t.mention);
  }
  return out;
}

std::size_t status_length(std::string_view text) {
  std::size_t length = 0;
  std::size_t pos = 0;
  for (const auto& t : tokenize(text)) {
    length += utf8_length(text.substr(pos, t.begin - pos));
    if (t.kind == Kind::kUrl) {
      length += kCharactersReservedPerUrl;
    } else if (t.kind == Kind::kMention) {
      length += 1 + utf8_length(t.mention.username);
    } else {
      length += utf8_length(text.substr(t.begin, t.end - t.begin));
    }
    pos = t.end;
  }
  return length + utf8_length(text.substr(pos));
}

RenderedStatusText render_status_text(std::string_view raw, const MentionResolver& resolve,
                                      const std::string& base_url) {
  RenderedStatusText out;
  std::string text = normalize_newlines(raw);
  // Trim surrounding blank lines and spaces, as Mastodon does.
  auto first = text.find_first_not_of(" \n\t");
  if (first == std::string::npos) return out;
  text = text.substr(first, text.find_last_not_of(" \n\t") - first + 1);
  out.length = status_length(text);

  std::string body;
  std::size_t pos = 0;
  for (const auto& t : tokenize(text)) {
    body += text_html(std::string_view(text).substr(pos, t.begin - pos));
    std::string_view written = std::string_view(text).substr(t.begin, t.end - t.begin);
    switch (t.kind) {
      case Kind::kUrl:
        body += link_html(written);
        break;
      case Kind::kMention: {
        auto resolved = resolve ? resolve(t.mention) : std::nullopt;
        if (!resolved) {
          body += html_escape(written);
          break;
        }
        body += "<span class=\"h-card\" translate=\"no\"><a href=\"" + html_escape(resolved->url) +
                "\" class=\"u-url mention\">@<span>" + html_escape(resolved->username) +
                "</span></a></span>";
        bool seen = std::any_of(
            out.mentions.begin(), out.mentions.end(),
            [&](const ResolvedMention& m) { return m.account_id == resolved->account_id; });
        if (!seen) out.mentions.push_back(*resolved);
        break;
      }
      case Kind::kTag: {
        std::string lower = lowercase(t.tag);
        body += "<a href=\"" + html_escape(base_url) + "/tags/" + html_escape(lower) +
                "\" class=\"mention hashtag\" rel=\"tag\">#<span>" + html_escape(t.tag) +
                "</span></a>";
        if (std::find(out.tags.begin(), out.tags.end(), lower) == out.tags.end())
          out.tags.push_back(lower);
        break;
      }
    }
    pos = t.end;
  }
  body += text_html(std::string_view(text).substr(pos));

  // Paragraphs on blank lines: split the rendered body on "<br /><br />" runs.
  const std::string br2 = "<br /><br />";
  std::size_t start = 0;
  while (start <= body.size()) {
    auto next = body.find(br2, start);
    std::string para =
        body.substr(start, next == std::string::npos ? std::string::npos : next - start);
    while (para.starts_with("<br />")) para.erase(0, 6);
    while (para.ends_with("<br />")) para.erase(para.size() - 6);
    if (!para.empty()) out.html += "<p>" + para + "</p>";
    if (next == std::string::npos) break;
    start = next + br2.size();
  }
  return out;
}

}  // namespace lox::domain
