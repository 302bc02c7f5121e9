#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace lox::domain {

// A media attachment as stored: uploaded, processed (state), attached to at most one status.
struct MediaAttachment {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::optional<std::int64_t> status_id;
  int kind = 0;   // 0 image, 1 gifv, 2 video, 3 audio
  int state = 0;  // 0 processing, 1 ready, 2 failed
  std::string content_type;
  std::optional<std::string> upload_key;
  std::optional<std::string> file_key;
  std::optional<std::string> small_key;
  std::int64_t file_size = 0;
  std::string description;
  double focus_x = 0;
  double focus_y = 0;
  std::string meta = "{}";  // JSON
  std::optional<std::string> blurhash;
  // Where a remote attachment lives; it is cached here by a job (state 0 until then, 2 when it
  // could not be fetched, 3 once `loxodon media prune` evicted the copy).
  std::optional<std::string> remote_url;
};

}  // namespace lox::domain
