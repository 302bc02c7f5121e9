#pragma once

#include <string>

namespace lox::media {

// Ogg (Vorbis, Opus, Theora): every comment in a stream's comment header ("LOCATION=...",
// "ENCODER_DEVICE=...") is overwritten in place by "_=" and spaces of the same length and the
// pages it spans get their checksums again, so the file keeps its layout and plays as before.
// The vendor string (the encoder library) stays. A structure that does not hold together ends
// the work; what was cleared stays cleared.
void clear_ogg_comments(std::string& bytes);

}  // namespace lox::media
