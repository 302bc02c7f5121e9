#pragma once
// A sponsored placement as HTML, the same on every page that shows one.

#include <loxodon/domain/sponsorship.hpp>

#include <string>

namespace lox::web {

// Labelled "Sponsored" with the sponsor's name; the link goes through /sponsored/:id/click
// (which counts the click as a daily aggregate, then redirects) with rel="sponsored noopener
// noreferrer" and no referrer; the creative is served from our own origin.
std::string sponsored_block(const domain::PlacementView& view);

// A media-store file by its path on our own origin (never an absolute URL: pages must not
// depend on the configured domain matching the address the browser used).
std::string local_media_path(const std::string& key);

}  // namespace lox::web
