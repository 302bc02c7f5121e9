#pragma once

#include <loxodon/activitypub/signature_key.hpp>
#include <loxodon/activitypub/structured_field.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lox::activitypub {

// An HTTP request as signatures see it.
struct SignedRequest {
  std::string method;  // "POST"
  std::string target;  // path and query as sent: "/users/alice/inbox?x=1"
  std::string scheme = "https";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // The authority a signature must be bound to. The inbox sets it to the instance's domain, so
  // a signature made for another server (its host signed) is refused even when the request
  // carries that server's Host; left empty, the Host header stands in (test vectors).
  std::string our_authority;

  // A header's value (case-insensitive name; repeated headers joined with ", ").
  std::optional<std::string> header(std::string_view name) const;
  std::string authority() const;   // our_authority, else the Host header; lowercase
  std::string target_uri() const;  // scheme://authority/target (RFC 9421 @target-uri)
};

// A signature found on a request, before it is checked: draft-cavage's `Signature` header or
// RFC 9421's `Signature-Input` and `Signature`.
struct RequestSignature {
  enum class Kind { kCavage, kRfc9421 };
  Kind kind = Kind::kCavage;
  std::string key_id;
  // draft-cavage: the Signature header's parameters.
  std::string algorithm;
  std::vector<std::string> headers;  // lowercase, in order
  std::optional<std::int64_t> created;
  std::optional<std::int64_t> expires;
  std::string signature;  // raw bytes
  // RFC 9421: the chosen label's Signature-Input member.
  std::string label;
  SfMember input;
};

// The request's signature; nothing when it carries none. Throws SignatureError (Mastodon's
// words) when a signature is there but cannot be understood.
std::optional<RequestSignature> find_signature(const SignedRequest& request);

using TimePoint = std::chrono::system_clock::time_point;

// Everything Mastodon checks before it trusts a signed request: the covered headers and
// components (date or created; (request-target) or digest; host on GET; digest on POST; for
// RFC 9421 @method and @target-uri, content-digest on POST), the body digests, the time window
// (Date or created, +5 minutes or expires, at most 12 hours, 1 hour of clock skew), then the
// signature itself (draft-cavage also without the query string, as Mastodon retries).
// Throws SignatureError with the reason.
void verify_request(const RequestSignature& signature, const SignedRequest& request,
                    const VerificationKey& key, TimePoint now);

// draft-cavage: the string signed for `headers` (lowercase names and pseudo-headers).
std::string cavage_signing_string(const SignedRequest& request,
                                  const std::vector<std::string>& headers, bool with_query = true,
                                  std::optional<std::int64_t> created = std::nullopt,
                                  std::optional<std::int64_t> expires = std::nullopt);
// The value of a `Signature` header (rsa-sha256) over `headers`, as Mastodon sends it.
std::string sign_cavage(const SignedRequest& request, const std::vector<std::string>& headers,
                        const SigningKey& key, const std::string& key_id);

// RFC 9421: the signature base for the signature `input` (covered components and parameters);
// throws SignatureError for a component the request lacks or that is not supported.
std::string rfc9421_signature_base(const SignedRequest& request, const SfMember& input);

// `Digest: SHA-256=…` (with draft-cavage) and `Content-Digest: sha-256=:…:` (RFC 9530).
std::string digest_header(std::string_view body);
std::string content_digest_header(std::string_view body);

}  // namespace lox::activitypub
