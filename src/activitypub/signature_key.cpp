#include <loxodon/activitypub/signature_key.hpp>
#include <loxodon/util/crypto.hpp>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <array>
#include <utility>
#include <vector>

namespace lox::activitypub {

namespace {

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

std::shared_ptr<EVP_PKEY> own(EVP_PKEY* key) { return {key, EVP_PKEY_free}; }

// Any key OpenSSL 3 can decode from PEM: SPKI, PKCS#1 ("RSA PUBLIC KEY" / "RSA PRIVATE KEY"),
// PKCS#8, SEC1. The decoder tries every structure; `selection` picks public or private.
std::shared_ptr<EVP_PKEY> decode_pem(std::string_view pem, int selection) {
  EVP_PKEY* key = nullptr;
  OSSL_DECODER_CTX* ctx =
      OSSL_DECODER_CTX_new_for_pkey(&key, "PEM", nullptr, nullptr, selection, nullptr, nullptr);
  if (ctx == nullptr) throw SignatureError("no key decoder");
  const auto* data = reinterpret_cast<const unsigned char*>(pem.data());
  std::size_t length = pem.size();
  bool ok = OSSL_DECODER_from_data(ctx, &data, &length) == 1;
  OSSL_DECODER_CTX_free(ctx);
  if (!ok || key == nullptr) throw SignatureError("The key could not be read");
  return own(key);
}

const char* digest_of(SignatureAlgorithm a) {
  switch (a) {
    case SignatureAlgorithm::kRsaV15Sha256:
    case SignatureAlgorithm::kEcdsaP256Sha256:
    case SignatureAlgorithm::kHmacSha256:
      return "SHA256";
    case SignatureAlgorithm::kRsaPssSha512:
      return "SHA512";
    case SignatureAlgorithm::kEd25519:
      return nullptr;  // Ed25519 hashes internally
  }
  return nullptr;
}

// Whether the key's type can make or check this algorithm's signatures.
bool fits(const EVP_PKEY* key, SignatureAlgorithm a) {
  switch (a) {
    case SignatureAlgorithm::kRsaV15Sha256:
      return EVP_PKEY_is_a(key, "RSA");
    case SignatureAlgorithm::kRsaPssSha512:
      return EVP_PKEY_is_a(key, "RSA") || EVP_PKEY_is_a(key, "RSA-PSS");
    case SignatureAlgorithm::kEcdsaP256Sha256:
      return EVP_PKEY_is_a(key, "EC") && EVP_PKEY_get_bits(key) == 256;
    case SignatureAlgorithm::kEd25519:
      return EVP_PKEY_is_a(key, "ED25519");
    case SignatureAlgorithm::kHmacSha256:
      return false;
  }
  return false;
}

// Sets PSS padding (salt as long as the digest, 64 bytes, as RFC 9421 §3.3.1 requires).
bool configure(EVP_PKEY_CTX* pctx, SignatureAlgorithm a) {
  if (a != SignatureAlgorithm::kRsaPssSha512) return true;
  return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
         EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 64) == 1;
}

// RFC 9421 carries ECDSA signatures as r||s (32 bytes each); OpenSSL speaks DER.
std::optional<std::string> ecdsa_raw_to_der(std::string_view raw) {
  if (raw.size() != 64) return std::nullopt;
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), 32, nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + 32, 32, nullptr);
  if (sig == nullptr || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig, r, s) != 1) {
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    return std::nullopt;
  }
  unsigned char* der = nullptr;
  int length = i2d_ECDSA_SIG(sig, &der);
  ECDSA_SIG_free(sig);
  if (length <= 0) return std::nullopt;
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

std::string ecdsa_der_to_raw(const std::string& der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));
  if (sig == nullptr) throw SignatureError("ECDSA signature could not be encoded");
  std::array<unsigned char, 64> raw{};
  BN_bn2binpad(ECDSA_SIG_get0_r(sig), raw.data(), 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(sig), raw.data() + 32, 32);
  ECDSA_SIG_free(sig);
  return std::string(reinterpret_cast<char*>(raw.data()), raw.size());
}

std::string hmac_sha256(const std::string& key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &length);
  return std::string(reinterpret_cast<char*>(out), length);
}

}  // namespace

std::optional<SignatureAlgorithm> parse_signature_algorithm(std::string_view name) {
  if (name == "rsa-v1_5-sha256") return SignatureAlgorithm::kRsaV15Sha256;
  if (name == "rsa-pss-sha512") return SignatureAlgorithm::kRsaPssSha512;
  if (name == "ecdsa-p256-sha256") return SignatureAlgorithm::kEcdsaP256Sha256;
  if (name == "ed25519") return SignatureAlgorithm::kEd25519;
  if (name == "hmac-sha256") return SignatureAlgorithm::kHmacSha256;
  return std::nullopt;
}

VerificationKey VerificationKey::from_pem(std::string_view pem) {
  VerificationKey k;
  k.key_ = decode_pem(pem, EVP_PKEY_PUBLIC_KEY);
  return k;
}

VerificationKey VerificationKey::shared_secret(std::string secret) {
  VerificationKey k;
  k.secret_ = std::move(secret);
  return k;
}

SignatureAlgorithm VerificationKey::default_algorithm() const {
  if (!key_) return SignatureAlgorithm::kHmacSha256;
  if (EVP_PKEY_is_a(key_.get(), "RSA-PSS")) return SignatureAlgorithm::kRsaPssSha512;
  if (EVP_PKEY_is_a(key_.get(), "EC")) return SignatureAlgorithm::kEcdsaP256Sha256;
  if (EVP_PKEY_is_a(key_.get(), "ED25519")) return SignatureAlgorithm::kEd25519;
  return SignatureAlgorithm::kRsaV15Sha256;
}

bool VerificationKey::verify(SignatureAlgorithm algorithm, std::string_view data,
                             std::string_view signature) const {
  if (algorithm == SignatureAlgorithm::kHmacSha256) {
    return !key_ && !secret_.empty() &&
           constant_time_equals(hmac_sha256(secret_, data), std::string(signature));
  }
  if (!key_ || !fits(key_.get(), algorithm)) return false;
  std::string der;
  if (algorithm == SignatureAlgorithm::kEcdsaP256Sha256) {
    auto converted = ecdsa_raw_to_der(signature);
    if (!converted) return false;
    der = std::move(*converted);
    signature = der;
  }
  MdCtx ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  if (!ctx ||
      EVP_DigestVerifyInit_ex(ctx.get(), &pctx, digest_of(algorithm), nullptr, nullptr, key_.get(),
                              nullptr) != 1 ||
      !configure(pctx, algorithm)) {
    return false;
  }
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), reinterpret_cast<const unsigned char*>(data.data()),
                          data.size()) == 1;
}

SigningKey SigningKey::from_pem(std::string_view pem) {
  SigningKey k;
  k.key_ = decode_pem(pem, EVP_PKEY_KEYPAIR);
  return k;
}

SigningKey SigningKey::shared_secret(std::string secret) {
  SigningKey k;
  k.secret_ = std::move(secret);
  return k;
}

std::string SigningKey::sign(SignatureAlgorithm algorithm, std::string_view data) const {
  if (algorithm == SignatureAlgorithm::kHmacSha256) {
    if (key_ || secret_.empty()) throw SignatureError("hmac-sha256 needs a shared secret");
    return hmac_sha256(secret_, data);
  }
  if (!key_ || !fits(key_.get(), algorithm)) {
    throw SignatureError("The key cannot make signatures of this algorithm");
  }
  MdCtx ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  std::size_t length = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(data.data());
  if (!ctx ||
      EVP_DigestSignInit_ex(ctx.get(), &pctx, digest_of(algorithm), nullptr, nullptr, key_.get(),
                            nullptr) != 1 ||
      !configure(pctx, algorithm) ||
      EVP_DigestSign(ctx.get(), nullptr, &length, in, data.size()) != 1) {
    throw SignatureError("Signing failed");
  }
  std::string out(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &length, in,
                     data.size()) != 1) {
    throw SignatureError("Signing failed");
  }
  out.resize(length);
  if (algorithm == SignatureAlgorithm::kEcdsaP256Sha256) return ecdsa_der_to_raw(out);
  return out;
}

}  // namespace lox::activitypub
