#include <loxodon/util/base64.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <memory>
#include <vector>

namespace lox {

namespace {

struct PkeyDeleter {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct BioDeleter {
  void operator()(BIO* b) const { BIO_free(b); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

[[noreturn]] void fail(const char* what) {
  throw Error(ErrorCode::kInternal, "Internal server error", std::string("openssl: ") + what);
}

std::string bio_to_string(BIO* bio) {
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(len));
}

std::string private_pem(EVP_PKEY* key) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
    fail("PEM_write_bio_PrivateKey");
  return bio_to_string(bio.get());
}

std::string public_pem(EVP_PKEY* key) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key) != 1) fail("PEM_write_bio_PUBKEY");
  return bio_to_string(bio.get());
}

}  // namespace

std::string random_bytes(std::size_t count) {
  std::string out(count, '\0');
  if (count > 0 &&
      RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1) {
    fail("RAND_bytes");
  }
  return out;
}

std::string random_hex(std::size_t byte_count) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string bytes = random_bytes(byte_count);
  std::string out;
  out.reserve(byte_count * 2);
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0x0f]);
  }
  return out;
}

std::string base64url_encode(const std::string& data) {
  // The URL-safe alphabet, without padding (RFC 4648 §5).
  std::string out = base64_encode(data);
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (auto& c : out) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return out;
}

std::string random_token() { return base64url_encode(random_bytes(32)); }

std::string sha256(const std::string& data) {
  std::string out(32, '\0');
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), reinterpret_cast<unsigned char*>(out.data()), &len,
                 EVP_sha256(), nullptr) != 1) {
    fail("EVP_Digest");
  }
  return out;
}

namespace {
std::string to_hex(const std::string& bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0x0f]);
  }
  return out;
}
}  // namespace

std::string sha256_hex(const std::string& data) { return to_hex(sha256(data)); }

std::string hmac_sha256_hex(const std::string& key, const std::string& data) {
  std::string out(EVP_MAX_MD_SIZE, '\0');
  unsigned int len = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(),
           reinterpret_cast<unsigned char*>(out.data()), &len) == nullptr) {
    fail("HMAC");
  }
  out.resize(len);
  return to_hex(out);
}

bool constant_time_equals(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

PemKeyPair generate_rsa_key_pair(unsigned bits) {
  PkeyPtr key(EVP_RSA_gen(bits));
  if (!key) fail("EVP_RSA_gen");
  return {private_pem(key.get()), public_pem(key.get())};
}

VapidKeys generate_vapid_keys() {
  PkeyPtr key(EVP_EC_gen("P-256"));
  if (!key) fail("EVP_EC_gen");
  std::vector<unsigned char> point(65);
  std::size_t len = 0;
  if (EVP_PKEY_get_octet_string_param(key.get(), OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, point.data(),
                                      point.size(), &len) != 1) {
    fail("EVP_PKEY_get_octet_string_param");
  }
  return {private_pem(key.get()),
          base64url_encode(std::string(reinterpret_cast<const char*>(point.data()), len))};
}

}  // namespace lox
