#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace lox::media {

// Where an S3-compatible bucket answers and how requests to it are signed (LOXODON_S3_*).
struct S3Settings {
  // http(s)://host[:port], without the bucket: https://s3.eu-west-1.amazonaws.com,
  // http://127.0.0.1:9000 (MinIO), https://garage.example:3900.
  std::string endpoint;
  std::string bucket;
  std::string region;  // signed into every request (AWS Signature V4): us-east-1, garage, ...
  std::string access_key_id;
  std::string secret_access_key;  // never logged, never part of an error message
  // endpoint/bucket/key (MinIO, Garage, Ceph RGW without wildcard DNS) instead of the
  // virtual-hosted bucket.host/key that AWS prefers.
  bool path_style = false;
  // Where objects being served are downloaded to: unnamed files, gone when the response is.
  // Empty is the system's temporary directory.
  std::filesystem::path spool_directory;
  std::chrono::seconds connect_timeout{10};
  // The whole of one transfer: a 100 MB video needs a few minutes on a slow link; a stalled
  // transfer ends sooner (no byte for stall_timeout).
  std::chrono::seconds transfer_timeout{900};
  std::chrono::seconds stall_timeout{60};

  // The address of the object `key` (a valid media key, so nothing in it needs escaping).
  std::string object_url(const std::string& key) const;
};

}  // namespace lox::media
