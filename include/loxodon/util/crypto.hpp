#pragma once

#include <cstddef>
#include <string>

namespace lox {

// Cryptographically random bytes from OpenSSL's DRBG.
std::string random_bytes(std::size_t count);
// Random bytes rendered as lowercase hex (2 characters per byte).
std::string random_hex(std::size_t byte_count);

std::string base64url_encode(const std::string& data);

// An unguessable token for URLs, cookies and OAuth: 32 random bytes, base64url (43 characters).
std::string random_token();

std::string sha256(const std::string& data);  // raw 32 bytes
std::string sha256_hex(const std::string& data);
std::string hmac_sha256_hex(const std::string& key, const std::string& data);

// Compares secrets without leaking where they differ through timing.
bool constant_time_equals(const std::string& a, const std::string& b);

struct PemKeyPair {
  std::string private_pem;
  std::string public_pem;
};

// An RSA key pair in PKCS#8 / SubjectPublicKeyInfo PEM, as ActivityPub actors publish.
PemKeyPair generate_rsa_key_pair(unsigned bits = 2048);

struct VapidKeys {
  std::string private_pem;
  std::string public_key;  // base64url of the uncompressed P-256 point, as Web Push expects
};

VapidKeys generate_vapid_keys();

}  // namespace lox
