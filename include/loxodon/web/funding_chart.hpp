#pragma once

#include <loxodon/domain/funding.hpp>

#include <string>

namespace lox::web {

// The funding chart as a standalone SVG document: income and costs for each of the last
// twelve months as bars, and the monthly goal as a dashed line. Drawn on the server with
// nothing but SVG (no script, no font or image from anywhere), so it works without JavaScript,
// inline in a page or as an image. Every label is escaped.
std::string funding_chart_svg(const domain::FundingSummary& summary);

}  // namespace lox::web
