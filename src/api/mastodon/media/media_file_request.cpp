#include "api/mastodon/media/media_file_request.hpp"

#include <string_view>
#include <utility>

namespace lox::api::mastodon {

namespace {

const char* type_of_extension(std::string_view ext) {
  static constexpr std::pair<std::string_view, const char*> kTypes[] = {
      {"jpg", "image/jpeg"},  {"png", "image/png"},       {"gif", "image/gif"},
      {"webp", "image/webp"}, {"avif", "image/avif"},     {"heic", "image/heic"},
      {"mp4", "video/mp4"},   {"mov", "video/quicktime"}, {"webm", "video/webm"},
      {"ogg", "audio/ogg"},   {"mp3", "audio/mpeg"},      {"wav", "audio/wave"},
      {"flac", "audio/flac"}, {"m4a", "audio/mp4"}};
  for (const auto& [e, type] : kTypes) {
    if (e == ext) return type;
  }
  return nullptr;
}

}  // namespace

std::optional<MediaFileRequest> media_file_request_from(const http::Request& request) {
  MediaFileRequest wanted;
  for (const char* part : {"a", "b", "id"}) {
    wanted.key += std::string(request.path_param(part).value_or("")) + "/";
  }
  std::string file(request.path_param("file").value_or(""));
  auto dot = file.rfind('.');
  std::string stem = dot == std::string::npos ? "" : file.substr(0, dot);
  wanted.type = dot == std::string::npos ? nullptr : type_of_extension(file.substr(dot + 1));
  bool variant = stem == "original" || stem == "small" || stem == "avatar" || stem == "header" ||
                 stem == "emoji" || stem == "emoji-static";
  if (!variant || wanted.type == nullptr) return std::nullopt;
  wanted.key += file;
  return wanted;
}

}  // namespace lox::api::mastodon
