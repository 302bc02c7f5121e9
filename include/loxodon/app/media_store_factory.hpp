#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/media/media_store.hpp>
#include <loxodon/media/s3_settings.hpp>

#include <memory>

namespace lox::app {

// The bucket of the configuration's [s3] keys, its downloads spooled where uploads are
// (http.upload_spool_dir).
media::S3Settings s3_settings(const config::Config& config);

// The media store the configuration names: the local directory (media_dir) or the S3 bucket
// (media_backend = "s3").
std::unique_ptr<media::MediaStore> make_media_store(const config::Config& config);

}  // namespace lox::app
