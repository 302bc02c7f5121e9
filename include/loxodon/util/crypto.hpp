#pragma once

#include <cstddef>
#include <string>

namespace lox {

// Cryptographically random bytes from OpenSSL's DRBG.
std::string random_bytes(std::size_t count);
// Random bytes rendered as lowercase hex (2 characters per byte).
std::string random_hex(std::size_t byte_count);

std::string base64url_encode(const std::string& data);

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
