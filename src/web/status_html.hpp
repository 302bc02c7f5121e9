#pragma once
// A post as the public pages show it: author, time, content warning and safe HTML.

#include <loxodon/domain/status.hpp>

#include <string>

namespace lox::web {

// Remote images are not loaded (attachments are counted), so pages stay on our origin.
std::string status_html(const domain::StatusView& view);

}  // namespace lox::web
