#include <loxodon/net/smtp_client.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/time_format.hpp>

#include <openssl/evp.h>

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace lox::net {

namespace {

std::string base64(const std::string& in) {
  std::string out(4 * ((in.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(in.data()),
                          static_cast<int>(in.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// RFC 2047 for subjects that are not plain ASCII.
std::string encode_header(const std::string& text) {
  bool ascii = true;
  for (unsigned char c : text) {
    if (c >= 0x80 || c == '\r' || c == '\n') ascii = false;
  }
  if (ascii) return text;
  return "=?UTF-8?B?" + base64(text) + "?=";
}

// No header injection through addresses: a CR or LF ends the value.
std::string single_line(const std::string& text) {
  return text.substr(0, text.find_first_of("\r\n"));
}

struct Upload {
  const std::string& data;
  std::size_t offset = 0;
};

std::size_t read_callback(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  std::size_t room = size * count;
  std::size_t left = up->data.size() - up->offset;
  std::size_t n = left < room ? left : room;
  std::memcpy(buffer, up->data.data() + up->offset, n);
  up->offset += n;
  return n;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

std::string SmtpClient::format(const std::string& to, const std::string& subject,
                               const std::string& body, const std::string& message_id) const {
  std::string msg;
  msg += "Date: " + format_http_date(std::chrono::system_clock::now()) + "\r\n";
  msg += "From: " + single_line(config_.from_address) + "\r\n";
  msg += "To: " + single_line(to) + "\r\n";
  msg += "Subject: " + encode_header(single_line(subject)) + "\r\n";
  msg += "Message-ID: " + message_id + "\r\n";
  msg += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n";
  msg += "Content-Transfer-Encoding: 8bit\r\n\r\n";
  for (std::size_t pos = 0; pos < body.size();) {
    auto nl = body.find('\n', pos);
    std::string line = body.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    msg += line + "\r\n";
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return msg;
}

void SmtpClient::send(const std::string& to, const std::string& subject,
                      const std::string& body) const {
  std::string domain = config_.from_address.substr(config_.from_address.find('@') + 1);
  std::string message = format(to, subject, body, "<" + random_hex(16) + "@" + domain + ">");
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) throw std::runtime_error("curl_easy_init failed");
  CURL* c = curl.get();
  std::string scheme = config_.security == "tls" ? "smtps://" : "smtp://";
  std::string url = scheme + config_.host + ":" + std::to_string(config_.port);
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  if (config_.security == "starttls")
    curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!config_.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, config_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, config_.password.c_str());
  }
  std::string from = "<" + single_line(config_.from_address) + ">";
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  std::string rcpt = "<" + single_line(to) + ">";
  std::unique_ptr<curl_slist, ListDeleter> recipients(curl_slist_append(nullptr, rcpt.c_str()));
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  Upload upload{message};
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_callback);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    throw std::runtime_error(std::string("SMTP delivery to ") + config_.host +
                             " failed: " + (error[0] != '\0' ? error : curl_easy_strerror(rc)));
  }
}

}  // namespace lox::net

namespace lox::net {

void initialize_network_libraries() { curl_global_init(CURL_GLOBAL_DEFAULT); }

}  // namespace lox::net
