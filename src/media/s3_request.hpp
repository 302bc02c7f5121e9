#pragma once
// One signed request to an S3-compatible bucket through libcurl (media/s3_media_store.cpp).

#include <loxodon/media/s3_settings.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lox::media::s3 {

// Easy handles kept between requests: a handle keeps its connections open, so a burst of puts
// (an image and its small variant, a migration) does not pay for a TCP and TLS handshake each.
// Any thread may take one; a handle is used by one thread at a time.
class Handles {
 public:
  Handles() = default;
  Handles(const Handles&) = delete;
  Handles& operator=(const Handles&) = delete;
  ~Handles();

  void* take();
  void give(void* handle);

 private:
  std::mutex mutex_;
  std::vector<void*> idle_;
};

struct Request {
  const char* method = "GET";  // GET, HEAD, PUT or DELETE
  std::string url;
  // GET: only these bytes (first and last, inclusive).
  std::optional<std::pair<std::uint64_t, std::uint64_t>> range;
  // PUT: the body's size and its bytes from an offset (at most `max` into `out`; the number
  // written). Called again from the start when libcurl has to resend the body.
  std::uint64_t upload_size = 0;
  std::function<std::size_t(std::uint64_t offset, char* out, std::size_t max)> upload;
  std::string content_type;
  std::string cache_control;
  // GET: the body of a successful (2xx) answer, a block at a time.
  std::function<void(std::string_view)> on_body;
};

struct Response {
  long status = 0;
  std::uint64_t length = 0;  // Content-Length of the answer (HEAD: the object's size)
  std::optional<std::chrono::system_clock::time_point> modified;  // Last-Modified
  std::string error_body;  // the start of a non-2xx answer (S3's XML error)
};

// Sends `request` signed with AWS Signature V4 by libcurl. Throws lox::Error (503, with the
// method, URL and cause as its detail, never the secret) when the store cannot be reached or
// the transfer fails; any HTTP status is returned.
Response perform(Handles& handles, const S3Settings& settings, const Request& request);

// The error for an answer the caller cannot use (a 403, a 5xx): its detail names the request
// and S3's error code and message.
[[noreturn]] void fail(const Request& request, const Response& response);

}  // namespace lox::media::s3
