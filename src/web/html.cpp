#include "web/html.hpp"

#include <loxodon/util/html.hpp>

namespace lox::web {

namespace {
constexpr const char* kStyle =
    "body{font-family:system-ui,sans-serif;background:#f3f4f8;color:#1f232b;margin:0}"
    "main{max-width:34rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;"
    "box-shadow:0 1px 3px rgba(0,0,0,.12)}"
    "h1{font-size:1.4rem;margin-top:0}h2{font-size:1.1rem;margin-top:2rem}"
    "label{display:block;margin:.8rem 0 .3rem;font-weight:600}"
    "input[type=text],input[type=email],input[type=password],textarea{width:100%;"
    "box-sizing:border-box;padding:.55rem;border:1px solid #b8bcc8;border-radius:4px;"
    "font-size:1rem}"
    "button{margin-top:1rem;padding:.6rem 1.1rem;border:0;border-radius:4px;background:#595aa8;"
    "color:#fff;font-size:1rem;cursor:pointer}button.secondary{background:#8a8d99}"
    "button.danger{background:#b3261e}.error{background:#fde7e6;color:#8a1c16;padding:.7rem;"
    "border-radius:4px}.notice{background:#e7f1fd;padding:.7rem;border-radius:4px}"
    "code{background:#eef;padding:.2rem .4rem;border-radius:3px;word-break:break-all}"
    "ul.scopes li{margin:.2rem 0}.row{display:flex;gap:.6rem;align-items:center}"
    "footer{text-align:center;color:#6b6f7b;font-size:.85rem;margin-bottom:2rem}"
    "main.wide{max-width:46rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}"
    "th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e1e3ea}"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}progress{width:100%;height:1."
    "2rem}"
    "svg{max-width:100%;height:auto}.sponsored{border:1px solid #d6d8e0;border-radius:6px;"
    "padding:.8rem;margin:1rem 0}.sponsored .label{font-size:.75rem;text-transform:uppercase;"
    "letter-spacing:.05em;color:#6b6f7b}.sponsored img{max-width:100%;height:auto}"
    ".logo{max-height:3rem;max-width:10rem;vertical-align:middle}"
    "article.status{border-bottom:1px solid #e1e3ea;padding:.4rem 0;overflow-wrap:anywhere}"
    ".profile-head{display:flex;gap:1rem;align-items:center}.avatar{width:5rem;height:5rem;"
    "border-radius:8px}.acct{color:#6b6f7b;margin:.2rem 0}.badge{display:inline-block;"
    "background:#d97706;color:#fff;border-radius:4px;padding:.1rem .4rem;font-size:.8rem}";
}  // namespace

http::Response page(unsigned status, const std::string& instance_title, const std::string& title,
                    const std::string& body_html, bool wide, const std::string& extra_style) {
  std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      "<title>" +
      html_escape(title) + " - " + html_escape(instance_title) + "</title><style>" + kStyle +
      extra_style + "</style></head><body><main" + std::string(wide ? " class=\"wide\"" : "") +
      "><h1>" + html_escape(title) + "</h1>" + body_html + "</main><footer>" +
      html_escape(instance_title) + " &middot; Loxodon</footer></body></html>";
  http::Response res = http::Response::text(status, std::move(html), "text/html; charset=utf-8");
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                 "frame-ancestors 'none'; base-uri 'none'");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "same-origin");
  res.set_header("Cache-Control", "no-store");
  return res;
}

http::Response redirect(const std::string& location, unsigned status) {
  http::Response res;
  res.status = status;
  res.set_header("Location", location);
  res.set_header("Cache-Control", "no-store");
  return res;
}

std::string hidden(const std::string& name, const std::string& value) {
  return "<input type=\"hidden\" name=\"" + html_escape(name) + "\" value=\"" + html_escape(value) +
         "\">";
}

std::string error_box(const std::string& message) {
  return "<p class=\"error\" role=\"alert\">" + html_escape(message) + "</p>";
}

std::string notice_box(const std::string& message) {
  return "<p class=\"notice\">" + html_escape(message) + "</p>";
}

}  // namespace lox::web
