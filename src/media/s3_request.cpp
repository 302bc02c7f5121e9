#include "media/s3_request.hpp"

#include <loxodon/util/error.hpp>

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <exception>

namespace lox::media::s3 {

namespace {

constexpr std::size_t kMaxErrorBody = 2048;

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// What the callbacks of one transfer share.
struct Transfer {
  CURL* curl = nullptr;
  const Request* request = nullptr;
  Response* response = nullptr;
  std::uint64_t sent = 0;  // upload position
  std::exception_ptr error;
};

std::size_t on_write(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t length = size * count;
  long status = 0;
  curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300) {
    auto& body = t->response->error_body;
    body.append(data, std::min(length, kMaxErrorBody - std::min(kMaxErrorBody, body.size())));
    return length;
  }
  if (!t->request->on_body) return length;
  try {
    t->request->on_body(std::string_view(data, length));
  } catch (...) {
    t->error = std::current_exception();
    return 0;  // aborts the transfer
  }
  return length;
}

std::size_t on_read(char* out, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t max = static_cast<std::size_t>(
      std::min<std::uint64_t>(size * count, t->request->upload_size - t->sent));
  if (max == 0) return 0;
  try {
    std::size_t n = t->request->upload(t->sent, out, max);
    t->sent += n;
    return n;
  } catch (...) {
    t->error = std::current_exception();
    return CURL_READFUNC_ABORT;
  }
}

// libcurl rewinds the body when it has to send it again (a reused connection that had closed,
// a 100-continue refused): reads are by offset, so any position can be resumed.
int on_seek(void* user, curl_off_t offset, int origin) {
  auto* t = static_cast<Transfer*>(user);
  if (origin != SEEK_SET || offset < 0 ||
      static_cast<std::uint64_t>(offset) > t->request->upload_size) {
    return CURL_SEEKFUNC_CANTSEEK;
  }
  t->sent = static_cast<std::uint64_t>(offset);
  return CURL_SEEKFUNC_OK;
}

Error unavailable(const Request& request, const std::string& cause) {
  return Error(ErrorCode::kServiceUnavailable, "Media storage is unavailable",
               std::string("S3 ") + request.method + " " + request.url + ": " + cause);
}

// The value of <Name>…</Name> in S3's XML error, or "".
std::string xml_field(const std::string& xml, const std::string& name) {
  auto open = xml.find("<" + name + ">");
  if (open == std::string::npos) return "";
  open += name.size() + 2;
  auto close = xml.find("</" + name + ">", open);
  return close == std::string::npos ? ""
                                    : xml.substr(open, std::min<std::size_t>(close - open, 300));
}

void set_method(CURL* c, const Request& r, Transfer& t) {
  const std::string_view method = r.method;
  if (method == "HEAD") {
    curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  } else if (method == "DELETE") {
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "DELETE");
  } else if (method == "PUT") {
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, on_read);
    curl_easy_setopt(c, CURLOPT_READDATA, &t);
    curl_easy_setopt(c, CURLOPT_SEEKFUNCTION, on_seek);
    curl_easy_setopt(c, CURLOPT_SEEKDATA, &t);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(r.upload_size));
  }
}

curl_slist* request_headers(const Request& r) {
  // libcurl signs the headers it is given. S3 needs the payload's hash in
  // x-amz-content-sha256; a body streamed from a file has none in advance, so it is sent as
  // S3's UNSIGNED-PAYLOAD (TLS protects it in transit), which libcurl then signs as the hash.
  curl_slist* list = curl_slist_append(nullptr, "x-amz-content-sha256: UNSIGNED-PAYLOAD");
  if (!r.content_type.empty()) {
    list = curl_slist_append(list, ("Content-Type: " + r.content_type).c_str());
  }
  if (!r.cache_control.empty()) {
    list = curl_slist_append(list, ("Cache-Control: " + r.cache_control).c_str());
  }
  return list;
}

}  // namespace

Handles::~Handles() {
  for (void* handle : idle_) curl_easy_cleanup(static_cast<CURL*>(handle));
}

void* Handles::take() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      void* handle = idle_.back();
      idle_.pop_back();
      return handle;
    }
  }
  void* handle = curl_easy_init();
  if (handle == nullptr) throw std::runtime_error("curl_easy_init failed");
  return handle;
}

void Handles::give(void* handle) {
  std::lock_guard lock(mutex_);
  idle_.push_back(handle);
}

Response perform(Handles& handles, const S3Settings& s, const Request& r) {
  struct Lease {
    Handles& handles;
    CURL* curl;
    ~Lease() { handles.give(curl); }
  } lease{handles, static_cast<CURL*>(handles.take())};
  CURL* c = lease.curl;
  curl_easy_reset(c);  // keeps the connection cache
  Response response;
  Transfer t{c, &r, &response, 0, nullptr};
  std::unique_ptr<curl_slist, SlistDeleter> headers(request_headers(r));
  const std::string sigv4 = "aws:amz:" + s.region + ":s3";
  const std::string credentials = s.access_key_id + ":" + s.secret_access_key;
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(c, CURLOPT_URL, r.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(s.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(s.transfer_timeout.count()));
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, static_cast<long>(s.stall_timeout.count()));
  curl_easy_setopt(c, CURLOPT_AWS_SIGV4, sigv4.c_str());
  curl_easy_setopt(c, CURLOPT_USERPWD, credentials.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_FILETIME, 1L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_write);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  std::string range;
  if (r.range) {
    range = std::to_string(r.range->first) + "-" + std::to_string(r.range->second);
    curl_easy_setopt(c, CURLOPT_RANGE, range.c_str());
  }
  set_method(c, r, t);
  CURLcode rc = curl_easy_perform(c);
  // The credentials must not outlive the request in a pooled handle.
  curl_easy_setopt(c, CURLOPT_USERPWD, nullptr);
  if (t.error) std::rethrow_exception(t.error);
  if (rc != CURLE_OK) throw unavailable(r, error[0] != 0 ? error : curl_easy_strerror(rc));
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  curl_off_t length = -1;
  curl_easy_getinfo(c, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
  response.length = length > 0 ? static_cast<std::uint64_t>(length) : 0;
  curl_off_t filetime = -1;
  curl_easy_getinfo(c, CURLINFO_FILETIME_T, &filetime);
  if (filetime >= 0) {
    response.modified = std::chrono::system_clock::time_point(std::chrono::seconds(filetime));
  }
  return response;
}

void fail(const Request& request, const Response& response) {
  std::string cause = "HTTP " + std::to_string(response.status);
  if (auto code = xml_field(response.error_body, "Code"); !code.empty()) cause += " " + code;
  if (auto message = xml_field(response.error_body, "Message"); !message.empty()) {
    cause += ": " + message;
  }
  throw unavailable(request, cause);
}

}  // namespace lox::media::s3
