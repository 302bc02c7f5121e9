#include <loxodon/app/media_store_factory.hpp>
#include <loxodon/media/local_media_store.hpp>
#include <loxodon/media/s3_media_store.hpp>

namespace lox::app {

media::S3Settings s3_settings(const config::Config& config) {
  media::S3Settings s;
  s.endpoint = config.s3.endpoint;
  s.bucket = config.s3.bucket;
  s.region = config.s3.region;
  s.access_key_id = config.s3.access_key_id;
  s.secret_access_key = config.s3.secret_access_key;
  s.path_style = config.s3.path_style;
  s.spool_directory = config.http.upload_spool_dir;
  return s;
}

std::unique_ptr<media::MediaStore> make_media_store(const config::Config& config) {
  if (config.media_backend == "s3")
    return std::make_unique<media::S3MediaStore>(s3_settings(config));
  return std::make_unique<media::LocalMediaStore>(config.media_dir);
}

}  // namespace lox::app
