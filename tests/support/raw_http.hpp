#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace lox::testing {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lowercased
  std::string body;

  std::string header(const std::string& lowercase_name) const {
    auto it = headers.find(lowercase_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// A plain TCP connection to 127.0.0.1 for sending exactly the bytes a test wants (malformed
// requests, pipelining, slow clients) and reading responses framed by Content-Length.
class RawConnection {
 public:
  explicit RawConnection(unsigned short port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // Returns false when the peer has closed the connection.
  bool send(std::string_view bytes);
  std::optional<RawResponse> read_response(
      std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // Everything the server sends until it closes (or `timeout` passes).
  std::string read_until_closed(std::chrono::milliseconds timeout);
  // True when the server closes the connection within `timeout`.
  bool wait_closed(std::chrono::milliseconds timeout);

 private:
  bool fill(std::chrono::steady_clock::time_point deadline);
  int fd_ = -1;
  std::string buffer_;
  bool eof_ = false;
};

// One request on a fresh connection with "Connection: close".
std::optional<RawResponse> http_request(unsigned short port, const std::string& method,
                                        const std::string& target,
                                        const std::string& extra_headers = "",
                                        const std::string& body = "");

}  // namespace lox::testing
