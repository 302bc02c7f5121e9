#pragma once
// Server-rendered pages: one layout, no third-party assets, everything escaped on the way in.

#include <loxodon/http/response.hpp>

#include <string>

namespace lox::web {

// A complete page with the instance title, inline styles and safe headers (CSP without
// form-action: a consent form must be able to redirect to an app's custom URI scheme).
// `wide` pages (funding figures, sponsors) get room for tables and the chart; `extra_style`
// (CSS the server wrote, never a visitor's text) comes after the layout's own.
http::Response page(unsigned status, const std::string& instance_title, const std::string& title,
                    const std::string& body_html, bool wide = false,
                    const std::string& extra_style = "");

http::Response redirect(const std::string& location, unsigned status = 303);

// <input type="hidden"> with an escaped value.
std::string hidden(const std::string& name, const std::string& value);
std::string error_box(const std::string& message);
std::string notice_box(const std::string& message);

}  // namespace lox::web
