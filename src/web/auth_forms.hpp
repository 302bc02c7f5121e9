#pragma once
// What the account pages (AuthPages, one file per group of pages) share besides the class.

#include <string>

namespace lox::web {

// A labelled text input whose value is escaped.
std::string text_field(const std::string& name, const std::string& label, const std::string& type,
                       const std::string& value, const std::string& autocomplete);

}  // namespace lox::web
