#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct evp_pkey_st;  // OpenSSL's EVP_PKEY, kept out of this header

namespace lox::activitypub {

// A signature that cannot be checked or does not hold, with the reason in Mastodon's words
// where Mastodon has words for it (they reach the remote server's logs as our 401 body).
class SignatureError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The algorithms of RFC 9421 (§6.2); draft-cavage's rsa-sha256 and hs2019 with an RSA key are
// kRsaV15Sha256.
enum class SignatureAlgorithm {
  kRsaV15Sha256,
  kRsaPssSha512,
  kEcdsaP256Sha256,
  kEd25519,
  kHmacSha256
};

// RFC 9421's names: "rsa-v1_5-sha256", "rsa-pss-sha512", "ecdsa-p256-sha256", "ed25519",
// "hmac-sha256".
std::optional<SignatureAlgorithm> parse_signature_algorithm(std::string_view name);

// What checks a signature: a public key (RSA, RSA-PSS, P-256, Ed25519 from PEM: SPKI or
// PKCS#1 "RSA PUBLIC KEY") or a shared secret (HMAC).
class VerificationKey {
 public:
  // Throws SignatureError when the text holds no key OpenSSL can read.
  static VerificationKey from_pem(std::string_view pem);
  static VerificationKey shared_secret(std::string secret);

  // The algorithm a key of this type signs with when the signature does not say (RSA keys:
  // rsa-v1_5-sha256, as Mastodon).
  SignatureAlgorithm default_algorithm() const;
  // False for a wrong signature, or an algorithm that does not fit the key.
  bool verify(SignatureAlgorithm algorithm, std::string_view data,
              std::string_view signature) const;

 private:
  std::shared_ptr<evp_pkey_st> key_;
  std::string secret_;
};

// What makes a signature: a private key from PEM (PKCS#1 or PKCS#8), or a shared secret.
class SigningKey {
 public:
  static SigningKey from_pem(std::string_view pem);
  static SigningKey shared_secret(std::string secret);
  // The signature bytes (ECDSA as r||s, as RFC 9421 wants). Throws SignatureError when the
  // algorithm does not fit the key.
  std::string sign(SignatureAlgorithm algorithm, std::string_view data) const;

 private:
  std::shared_ptr<evp_pkey_st> key_;
  std::string secret_;
};

}  // namespace lox::activitypub
