#pragma once

#include <string>

namespace lox::media {

// Matroska and WebM: the Tags and Attachments elements (where recorders put location, device
// and cover pictures), the title and recording date in Info and the tracks' names (which
// muxers fill from the title), become Void elements of the
// same size, so no position in the file changes. Walks the top level of the Segment only;
// clusters of unknown size (live recordings) are stepped into, never read. A structure that
// does not hold together ends the walk; what was cleared stays cleared.
void clear_matroska_metadata(std::string& bytes);

}  // namespace lox::media
