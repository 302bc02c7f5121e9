#pragma once

#include <string>

namespace lox::media {

// Takes location, device and other descriptive metadata out of a video or audio file without
// re-encoding or moving anything, so the file plays as before:
// - MP4, MOV, M4A (ISO base media): every `udta`, `meta` and `uuid` box at the top level and in
//   `moov` and its tracks (where phones write ©xyz and Keys GPS coordinates, make and model,
//   and XMP) becomes a `free` box of the same size, zero-filled, so no chunk offset changes;
// - MP3: the ID3v2 tag at the start and the ID3v1 tag at the end are cut off;
// - FLAC: Vorbis comment and picture blocks become padding of the same size;
// - WebM and Matroska: Tags and Attachments, the title and date in Info and track names become
//   Void elements of the same size;
// - Ogg (Vorbis, Opus, Theora, FLAC): each comment is blanked in place ("_=" and spaces) and
//   the pages it spans are checksummed again.
// WAV is returned as it is. Bounds-checked throughout: a file
// whose structure does not hold together is returned unchanged apart from what was already
// cleared.
std::string without_timed_media_metadata(std::string bytes);

}  // namespace lox::media
