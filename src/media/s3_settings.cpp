#include <loxodon/media/s3_settings.hpp>

namespace lox::media {

std::string S3Settings::object_url(const std::string& key) const {
  std::string base = endpoint;
  while (base.ends_with('/')) base.pop_back();
  if (path_style) return base + "/" + bucket + "/" + key;
  // Virtual-hosted: the bucket becomes the first label of the endpoint's host; a path the
  // endpoint may have (a gateway under a prefix) stays after the host.
  auto scheme_end = base.find("://");
  if (scheme_end == std::string::npos) return bucket + "." + base + "/" + key;
  scheme_end += 3;
  return base.substr(0, scheme_end) + bucket + "." + base.substr(scheme_end) + "/" + key;
}

}  // namespace lox::media
