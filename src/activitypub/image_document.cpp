#include <loxodon/activitypub/image_document.hpp>
#include <loxodon/domain/username.hpp>

namespace lox::activitypub {

namespace {
// Stored images keep the extension of the format they were written in.
std::string image_type(const std::string& key) {
  auto dot = key.rfind('.');
  std::string ext = dot == std::string::npos ? "" : domain::lowercase(key.substr(dot + 1));
  if (ext == "png") return "image/png";
  if (ext == "gif") return "image/gif";
  if (ext == "webp") return "image/webp";
  if (ext == "avif") return "image/avif";
  return "image/jpeg";
}
}  // namespace

nlohmann::json image_document(const config::Config& config, const std::string& key) {
  return {{"type", "Image"}, {"mediaType", image_type(key)}, {"url", config.media_url(key)}};
}

}  // namespace lox::activitypub
