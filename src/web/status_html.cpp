#include "web/status_html.hpp"

#include <loxodon/util/html.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::web {

std::string status_html(const domain::StatusView& v) {
  const auto& a = v.account;
  std::string acct = "@" + a.username + (a.domain ? "@" + *a.domain : "");
  std::string name = a.display_name.empty() ? a.username : a.display_name;
  std::string link = v.status.url.value_or(v.status.uri.value_or(""));
  std::string out = "<article class=\"status\"><p><strong>" + html_escape(name) +
                    "</strong> <small>" + html_escape(acct) + " &middot; ";
  std::string when = format_iso8601_ms(v.status.created_at).substr(0, 16);
  when[10] = ' ';
  if (link.starts_with("https://") || link.starts_with("http://")) {
    out += "<a href=\"" + html_escape(link) + "\" rel=\"noopener noreferrer\">" +
           html_escape(when) + "</a>";
  } else {
    out += html_escape(when);
  }
  out += "</small></p>";
  if (!v.status.spoiler_text.empty()) {
    out += "<details><summary>" + html_escape(v.status.spoiler_text) + "</summary>" +
           v.status.content + "</details>";
  } else {
    out += v.status.content;  // sanitized when it was stored
  }
  if (!v.media.empty()) {
    out += "<p><small>" + std::to_string(v.media.size()) +
           (v.media.size() == 1 ? " attachment" : " attachments") + "</small></p>";
  }
  return out + "</article>";
}

}  // namespace lox::web
