#pragma once

#include <string>
#include <string_view>

namespace lox {

// True for an absolute http: or https: URL with a host (the scheme in any case). Every URL that
// comes from another server and is served again (links, images, profile and post addresses)
// must pass this: javascript:, data: and the rest never reach a page or an app.
bool is_http_url(std::string_view url);

// The host of an http(s) URL in lower case, without user information or port; empty when
// `url` is not one.
std::string http_url_host(std::string_view url);

}  // namespace lox
