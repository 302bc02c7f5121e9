// Fuzzes HTTP signature parsing and verification: the Signature and Signature-Input headers of
// every POST /inbox are read before anything is trusted, so they are the first thing an
// unauthenticated sender controls.
//
// Input: the Signature header, then optionally '\n' and the Signature-Input header (absent when
// empty, so draft-cavage and RFC 9421 are both reached), then
// optionally '\n' and a query string appended to the target (for @query and @query-param),
// then optionally '\n' and a Date header replacing the fixed one.
// The rest of the request is fixed: the "cavage POST valid" / "rfc9421 POST valid" request of
// tests/fixtures/httpsig/mastodon-spec-vectors.json, checked at that file's "now", so the
// seeds with its real signatures verify and the fuzzer explores past every check.
#include <loxodon/activitypub/http_signature.hpp>
#include <loxodon/activitypub/signature_key.hpp>
#include <loxodon/activitypub/structured_field.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace {

namespace ap = lox::activitypub;

// The public key of that file's "bob", read once (the path is set by fuzz/CMakeLists.txt).
const ap::VerificationKey& test_key() {
  static const ap::VerificationKey key = [] {
    std::ifstream in(LOXODON_FUZZ_KEY_FILE, std::ios::binary);
    std::string pem((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (pem.empty()) {
      std::fprintf(stderr, "cannot read %s\n", LOXODON_FUZZ_KEY_FILE);
      std::abort();
    }
    return ap::VerificationKey::from_pem(pem);
  }();
  return key;
}

// 2023-12-20T10:00:00Z, the vectors' "now".
constexpr std::int64_t kNow = 1703066400;

ap::SignedRequest fixed_request() {
  ap::SignedRequest r;
  r.method = "POST";
  r.target = "/activitypub/success";
  r.scheme = "https";
  r.our_authority = "www.example.com";  // as the inbox sets it
  r.body = "Hello world";
  r.headers = {{"Host", "www.example.com"},
               {"Date", "Wed, 20 Dec 2023 10:00:00 GMT"},
               {"Digest", "SHA-256=ZOyIygCyaOW6GjVnihtTFtIS9PNmskdyMlNKiuyjfzw="},
               {"Content-Digest", "sha-256=:ZOyIygCyaOW6GjVnihtTFtIS9PNmskdyMlNKiuyjfzw=:"},
               {"Content-Type", "application/activity+json"}};
  return r;
}

// Everything parse_sf_dictionary returns must be walkable, and serialising an item must not
// trip over what was parsed.
void walk_dictionary(std::string_view text) {
  auto dict = ap::parse_sf_dictionary(text);
  if (!dict) return;
  for (const auto& [key, member] : *dict) {
    (void)key;
    (void)member.param("created");
    for (const auto& item : member.items) {
      (void)item.serialize();
      (void)item.param("name");
    }
  }
}

void set_date(ap::SignedRequest& request, std::string_view date) {
  for (auto& [name, value] : request.headers) {
    if (name == "Date") value = std::string(date);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)test_key();  // fail at start-up, not on the first input, when the key is missing
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  walk_dictionary(text);

  const auto first = text.find('\n');
  const std::string_view signature = text.substr(0, first);
  ap::SignedRequest request = fixed_request();
  request.headers.emplace_back("Signature", std::string(signature));
  if (first != std::string_view::npos) {
    std::string_view rest = text.substr(first + 1);
    const auto second = rest.find('\n');
    const std::string_view input = rest.substr(0, second);
    if (!input.empty()) request.headers.emplace_back("Signature-Input", std::string(input));
    walk_dictionary(input);
    if (second != std::string_view::npos) {
      rest = rest.substr(second + 1);
      const auto third = rest.find('\n');
      request.target += "?" + std::string(rest.substr(0, third));
      if (third != std::string_view::npos) {
        set_date(request, rest.substr(third + 1));
      }
    }
  }

  std::optional<ap::RequestSignature> found;
  try {
    found = ap::find_signature(request);
  } catch (const ap::SignatureError&) {
    return 0;  // present but not understood: documented
  }
  if (!found) return 0;
  try {
    ap::verify_request(*found, request, test_key(), ap::TimePoint(std::chrono::seconds(kNow)));
  } catch (const ap::SignatureError&) {
    // Refused, with the reason: documented.
  }
  return 0;
}
