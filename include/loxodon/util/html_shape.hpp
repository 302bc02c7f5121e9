#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace lox {

// Which markup survives reduce_html: the elements kept (lower-case names), those dropped with
// everything inside them, the attributes kept on kept elements, and how deep kept elements
// may nest.
struct HtmlShape {
  std::span<const std::string_view> keep;
  std::span<const std::string_view> drop_with_content;
  bool (*keep_attribute)(std::string_view element, std::string_view attribute) = nullptr;
  std::size_t max_depth = 32;
};

// Reduces untrusted HTML, in one linear pass, to kept elements with kept attributes, nested no
// deeper than shape.max_depth and always balanced; text stays (a lone '<' becomes &lt;),
// comments and other markup go. What it writes is then small enough in shape for libgumbo:
// gumbo's work grows with the square of the nesting depth and with unclosed formatting
// elements times blocks (43 KB of markup made it allocate 1.5 GB), and it has no limits of its
// own. This is not where safety comes from (the tree walk after gumbo writes every byte that is
// served); it bounds what that parse costs.
std::string reduce_html(std::string_view html, const HtmlShape& shape);

}  // namespace lox
