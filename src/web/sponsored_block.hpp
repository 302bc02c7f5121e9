#pragma once
// A sponsored placement as HTML, the same on every page that shows one.

#include <loxodon/domain/sponsorship.hpp>
#include <loxodon/http/request.hpp>
#include <loxodon/services/funding/sponsor_service.hpp>
#include <loxodon/web/page_viewer.hpp>

#include <optional>
#include <string>

namespace lox::web {

// Labelled "Sponsored" with the sponsor's name; the link goes through /sponsored/:id/click
// (which counts the click as a daily aggregate, then redirects) with rel="sponsored noopener
// noreferrer" and no referrer; the creative is served from our own origin.
std::string sponsored_block(const domain::PlacementView& view);

// The placement for `surface` (and `community`) as HTML, its impression counted; "" when none
// is live or the signed-in viewer's membership is ad-free.
awaitable<std::string> sponsored_html(const PageViewer& viewer, services::SponsorService& sponsors,
                                      const http::Request& request, std::string surface,
                                      std::optional<std::string> community = std::nullopt);

// A media-store file by its path on our own origin (never an absolute URL: pages must not
// depend on the configured domain matching the address the browser used).
std::string local_media_path(const std::string& key);

}  // namespace lox::web
