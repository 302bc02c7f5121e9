#pragma once

#include <stdexcept>
#include <string>

namespace lox::services {

// An RFC 6749 error: rendered as {"error": code, "error_description": description} with `status`,
// or, at the authorization endpoint, sent back to the client's redirect URI when that is safe.
class OAuthError : public std::runtime_error {
 public:
  OAuthError(std::string code, const std::string& description, unsigned status = 400,
             bool redirectable = false)
      : std::runtime_error(description),
        code_(std::move(code)),
        status_(status),
        redirectable_(redirectable) {}
  const std::string& code() const { return code_; }
  unsigned status() const { return status_; }
  // True when the client and redirect URI were verified, so the error may go to the client.
  bool redirectable() const { return redirectable_; }
  // The verified redirect URI (also when the request left it out and the app has one).
  const std::string& redirect_uri() const { return redirect_uri_; }
  OAuthError& with_redirect_uri(std::string uri) {
    redirect_uri_ = std::move(uri);
    return *this;
  }

 private:
  std::string redirect_uri_;
  std::string code_;
  unsigned status_;
  bool redirectable_;
};

}  // namespace lox::services
