#include <loxodon/activitypub/http_signature.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/util/base64.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/time_format.hpp>
#include <loxodon/util/url_encode.hpp>

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace lox::activitypub {

namespace {

using std::chrono::seconds;

// Mastodon's SignatureVerification: a signature lives 5 minutes unless it says otherwise, never
// more than 12 hours, and an hour of clock skew is forgiven either way.
constexpr seconds kDefaultLifetime{5 * 60};
constexpr seconds kExpirationWindowLimit{12 * 3600};
constexpr seconds kClockSkewMargin{3600};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

std::string digest(const char* algorithm, std::string_view body) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(body.data(), body.size(), out, &length, EVP_get_digestbyname(algorithm), nullptr);
  return std::string(reinterpret_cast<char*>(out), length);
}

// RFC 1123 dates, as Ruby's Time.httpdate reads them ("Sun, 06 Nov 1994 08:49:37 GMT").
std::optional<TimePoint> parse_http_date(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (text.size() != 29 || text[3] != ',' || text.substr(25) != " GMT") return std::nullopt;
  auto number = [&](std::size_t at, std::size_t n) -> std::optional<int> {
    int v = 0;
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + n, v);
    if (ec != std::errc() || end != text.data() + at + n) return std::nullopt;
    return v;
  };
  auto day = number(5, 2), year = number(12, 4), hour = number(17, 2), minute = number(20, 2),
       second = number(23, 2);
  auto month = std::find(kMonths.begin(), kMonths.end(), text.substr(8, 3));
  if (!day || !year || !hour || !minute || !second || month == kMonths.end() || *hour > 23 ||
      *minute > 59 || *second > 60 || *year < kMinReadableYear || *year > kMaxReadableYear) {
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{
      std::chrono::year(*year),
      std::chrono::month(static_cast<unsigned>(month - kMonths.begin() + 1)),
      std::chrono::day(static_cast<unsigned>(*day))};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd) + std::chrono::hours(*hour) + std::chrono::minutes(*minute) +
         seconds(*second);
}

void check_window(std::optional<TimePoint> created, std::optional<TimePoint> expires,
                  TimePoint now) {
  if (created && !expires) expires = *created + kDefaultLifetime;
  if (created) expires = std::min(*expires, *created + kExpirationWindowLimit);
  if ((created && *created > now + kClockSkewMargin) ||
      (expires && now > *expires + kClockSkewMargin)) {
    throw SignatureError("Signed request date outside acceptable time window");
  }
}

// created/expires from a signature: a time the clock cannot hold is no time at all.
TimePoint from_epoch(std::int64_t s) {
  auto t = from_epoch_seconds(s);
  if (!t) throw SignatureError("Signed request date outside acceptable time window");
  return *t;
}

// draft-cavage: keyId="…",algorithm="…",headers="…",signature="…" (created/expires unquoted).
std::vector<std::pair<std::string, std::string>> cavage_params(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
    auto eq = text.find('=', i);
    if (eq == std::string_view::npos) break;
    std::string key(trim(text.substr(i, eq - i)));
    i = eq + 1;
    std::string value;
    if (i < text.size() && text[i] == '"') {
      auto end = text.find('"', i + 1);
      if (end == std::string_view::npos) throw SignatureError("Error parsing signature parameters");
      value = std::string(text.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      auto end = text.find(',', i);
      if (end == std::string_view::npos) end = text.size();
      value = std::string(trim(text.substr(i, end - i)));
      i = end;
    }
    out.emplace_back(std::move(key), std::move(value));
  }
  return out;
}

std::optional<std::int64_t> integer(const std::string& text) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

RequestSignature parse_cavage(const std::string& header) {
  RequestSignature sig;
  sig.kind = RequestSignature::Kind::kCavage;
  std::optional<std::string> headers, signature;
  for (auto& [k, v] : cavage_params(header)) {
    if (k == "keyId") sig.key_id = v;
    if (k == "algorithm") sig.algorithm = v;
    if (k == "headers") headers = v;
    if (k == "signature") signature = v;
    if (k == "created" || k == "expires") {
      auto n = integer(v);
      if (!n) throw SignatureError("Invalid Date header: invalid " + k + " parameter");
      (k == "created" ? sig.created : sig.expires) = n;
    }
  }
  if (sig.key_id.empty() || !signature) {
    throw SignatureError("Incompatible request signature. keyId and signature are required");
  }
  if (sig.algorithm.empty()) sig.algorithm = "hs2019";
  if (sig.algorithm != "rsa-sha256" && sig.algorithm != "hs2019") {
    throw SignatureError(
        "Unsupported signature algorithm (only rsa-sha256 and hs2019 are supported)");
  }
  auto bytes = base64_decode(*signature);
  if (!bytes) throw SignatureError("Error parsing signature parameters");
  sig.signature = std::move(*bytes);
  // draft-cavage's default is the Date header; Mastodon assumes (created) for hs2019.
  std::string list = headers ? *headers : (sig.algorithm == "hs2019" ? "(created)" : "date");
  std::size_t i = 0;
  while (i <= list.size()) {
    auto end = list.find(' ', i);
    if (end == std::string::npos) end = list.size();
    if (end > i)
      sig.headers.push_back(domain::lowercase(std::string_view(list).substr(i, end - i)));
    i = end + 1;
  }
  return sig;
}

RequestSignature parse_rfc9421(const std::string& input_header, const std::string& sig_header) {
  auto inputs = parse_sf_dictionary(input_header);
  auto signatures = parse_sf_dictionary(sig_header);
  if (!inputs || !signatures || inputs->empty()) {
    throw SignatureError("Error parsing signature parameters");
  }
  // The first signature of the request is the one that speaks for its sender.
  RequestSignature sig;
  sig.kind = RequestSignature::Kind::kRfc9421;
  sig.label = inputs->front().first;
  sig.input = inputs->front().second;
  if (!sig.input.inner_list) throw SignatureError("Error parsing signature parameters");
  auto value = std::find_if(signatures->begin(), signatures->end(),
                            [&](const auto& m) { return m.first == sig.label; });
  if (value == signatures->end() || value->second.inner_list ||
      value->second.items.at(0).value.type != SfBareItem::Type::kBytes) {
    throw SignatureError("Error parsing signature parameters");
  }
  sig.signature = value->second.items[0].value.text;
  const auto* keyid = sig.input.param("keyid");
  if (keyid == nullptr || keyid->type != SfBareItem::Type::kString || keyid->text.empty()) {
    throw SignatureError("Incompatible request signature. keyid is required");
  }
  sig.key_id = keyid->text;
  if (const auto* alg = sig.input.param("alg")) sig.algorithm = alg->text;
  for (const char* name : {"created", "expires"}) {
    if (const auto* p = sig.input.param(name)) {
      if (p->type != SfBareItem::Type::kInteger) {
        throw SignatureError(std::string("Invalid ") + name + " signature parameter");
      }
      (std::string_view(name) == "created" ? sig.created : sig.expires) = p->integer;
    }
  }
  for (const auto& item : sig.input.items) sig.headers.push_back(item.value.text);
  return sig;
}

void verify_digest(const SignedRequest& request) {
  auto header = request.header("Digest");
  if (!header)
    throw SignatureError(
        "Mastodon requires the Digest header to be signed when doing a POST request");
  std::vector<std::string> offered;
  std::optional<std::string> sha256_value;
  std::string_view rest = *header;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string_view entry = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    auto eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    std::string algorithm = domain::lowercase(entry.substr(0, eq));
    offered.push_back(algorithm);
    if (algorithm == "sha-256") sha256_value = std::string(entry.substr(eq + 1));
  }
  if (!sha256_value) {
    std::string list;
    for (const auto& a : offered) list += (list.empty() ? "" : ", ") + a;
    throw SignatureError("Mastodon only supports SHA-256 in Digest header. Offered algorithms: " +
                         list);
  }
  std::string computed = base64_encode(digest("SHA256", request.body));
  if (!constant_time_equals(computed, *sha256_value)) {
    throw SignatureError("Invalid Digest value. Computed SHA-256 digest: " + computed +
                         "; given: " + *sha256_value);
  }
}

void verify_content_digest(const SignedRequest& request) {
  auto header = request.header("Content-Digest");
  auto members = header ? parse_sf_dictionary(*header) : std::nullopt;
  if (!members) throw SignatureError("Invalid Content-Digest header");
  bool checked = false;
  for (const auto& [name, member] : *members) {
    const char* algorithm = name == "sha-256" ? "SHA256" : name == "sha-512" ? "SHA512" : nullptr;
    if (algorithm == nullptr) continue;
    if (member.inner_list || member.items.at(0).value.type != SfBareItem::Type::kBytes) {
      throw SignatureError("Invalid Content-Digest header");
    }
    if (!constant_time_equals(digest(algorithm, request.body), member.items[0].value.text)) {
      throw SignatureError("Invalid Content-Digest value");
    }
    checked = true;
  }
  if (!checked) {
    throw SignatureError("Mastodon only supports SHA-256 and SHA-512 in Content-Digest header");
  }
}

void verify_cavage(const RequestSignature& sig, const SignedRequest& request,
                   const VerificationKey& key, TimePoint now) {
  const auto& h = sig.headers;
  if (!contains(h, "date") && !contains(h, "(created)")) {
    throw SignatureError(
        "Mastodon requires the Date header or (created) pseudo-header to be signed");
  }
  if (!contains(h, "(request-target)") && !contains(h, "digest")) {
    throw SignatureError(
        "Mastodon requires the Digest header or (request-target) pseudo-header to be signed");
  }
  // Stricter than Mastodon, which asks for it on GET only: without the host, a delivery signed
  // for another server's inbox at the same path would verify here too.
  if (!contains(h, "host")) {
    throw SignatureError("The Host header must be signed");
  }
  if (request.method == "POST" && !contains(h, "digest")) {
    throw SignatureError(
        "Mastodon requires the Digest header to be signed when doing a POST request");
  }
  if (contains(h, "digest")) verify_digest(request);

  // The window comes from signed values only: created and expires count when (created) and
  // (expires) are covered (hs2019 only, as Mastodon), the Date header when `date` is. An
  // unsigned parameter could otherwise reopen a captured request's expired Date.
  std::optional<TimePoint> created, expires;
  for (const char* pseudo : {"(created)", "(expires)"}) {
    if (contains(h, pseudo) && sig.algorithm != "hs2019") {
      throw SignatureError(std::string("Invalid pseudo-header ") + pseudo + " for rsa-sha256");
    }
  }
  if (contains(h, "(created)")) {
    if (!sig.created) {
      throw SignatureError("Pseudo-header (created) used but corresponding argument missing");
    }
    created = from_epoch(*sig.created);
  } else {
    auto date = request.header("Date");
    if (!date) throw SignatureError("Missing header for signature: date");
    created = parse_http_date(*date);
    if (!created) {
      throw SignatureError("Invalid Date header: not RFC 2616 compliant date: \"" + *date + "\"");
    }
  }
  if (contains(h, "(expires)")) {
    if (!sig.expires) {
      throw SignatureError("Pseudo-header (expires) used but corresponding argument missing");
    }
    expires = from_epoch(*sig.expires);
  }
  check_window(created, expires, now);

  SignatureAlgorithm algorithm =
      sig.algorithm == "rsa-sha256" ? SignatureAlgorithm::kRsaV15Sha256 : key.default_algorithm();
  auto matches = [&](bool with_query) {
    return key.verify(algorithm,
                      cavage_signing_string(request, h, with_query, sig.created, sig.expires),
                      sig.signature);
  };
  // Some servers sign the path without its query: Mastodon accepts both, and so do we.
  bool ok = matches(true) || (request.target.find('?') != std::string::npos && matches(false));
  if (!ok) throw SignatureError("Verification failed");
}

void verify_rfc9421(const RequestSignature& sig, const SignedRequest& request,
                    const VerificationKey& key, TimePoint now) {
  const auto& c = sig.headers;
  if (!contains(c, "@method") || !contains(c, "@target-uri")) {
    throw SignatureError(
        "Mastodon requires the @method and @target-uri derived components to be signed");
  }
  if (request.method == "POST" && !contains(c, "content-digest")) {
    throw SignatureError(
        "Mastodon requires the Content-Digest header to be signed when doing a POST request");
  }
  if (!sig.created) throw SignatureError("Mastodon requires the created signature parameter");
  if (contains(c, "content-digest")) verify_content_digest(request);
  check_window(from_epoch(*sig.created),
               sig.expires ? std::optional<TimePoint>(from_epoch(*sig.expires)) : std::nullopt,
               now);
  SignatureAlgorithm algorithm = key.default_algorithm();
  if (!sig.algorithm.empty()) {
    auto named = parse_signature_algorithm(sig.algorithm);
    if (!named) throw SignatureError("Unsupported signature algorithm " + sig.algorithm);
    algorithm = *named;
  }
  if (!key.verify(algorithm, rfc9421_signature_base(request, sig.input), sig.signature)) {
    throw SignatureError("Verification failed");
  }
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() + 0 &&
        std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i] == '+' ? ' ' : s[i]);
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> SignedRequest::header(std::string_view name) const {
  std::optional<std::string> out;
  for (const auto& [k, v] : headers) {
    if (domain::lowercase(k) != domain::lowercase(name)) continue;
    std::string value(trim(v));
    out = out ? *out + ", " + value : value;
  }
  return out;
}

std::string SignedRequest::authority() const {
  if (!our_authority.empty()) return domain::lowercase(our_authority);
  return domain::lowercase(header("Host").value_or(""));
}

std::string SignedRequest::target_uri() const {
  return domain::lowercase(scheme) + "://" + authority() + target;
}

std::optional<RequestSignature> find_signature(const SignedRequest& request) {
  auto input = request.header("Signature-Input");
  auto signature = request.header("Signature");
  if (input && signature) return parse_rfc9421(*input, *signature);
  if (signature) return parse_cavage(*signature);
  return std::nullopt;
}

void verify_request(const RequestSignature& signature, const SignedRequest& request,
                    const VerificationKey& key, TimePoint now) {
  if (signature.kind == RequestSignature::Kind::kCavage) {
    verify_cavage(signature, request, key, now);
  } else {
    verify_rfc9421(signature, request, key, now);
  }
}

std::string cavage_signing_string(const SignedRequest& request,
                                  const std::vector<std::string>& headers, bool with_query,
                                  std::optional<std::int64_t> created,
                                  std::optional<std::int64_t> expires) {
  std::string out;
  for (const auto& name : headers) {
    if (!out.empty()) out.push_back('\n');
    if (name == "(request-target)") {
      std::string target =
          with_query ? request.target : request.target.substr(0, request.target.find('?'));
      out += "(request-target): " + domain::lowercase(request.method) + " " + target;
    } else if (name == "(created)" || name == "(expires)") {
      auto value = name == "(created)" ? created : expires;
      if (!value)
        throw SignatureError("Invalid Date header: missing " + name.substr(1, name.size() - 2));
      out += name + ": " + std::to_string(*value);
    } else if (name == "host" && !request.our_authority.empty()) {
      out += "host: " + request.authority();  // what the sender signed must be us
    } else {
      auto value = request.header(name);
      if (!value) throw SignatureError("Missing header for signature: " + name);
      out += name + ": " + *value;
    }
  }
  return out;
}

std::string sign_cavage(const SignedRequest& request, const std::vector<std::string>& headers,
                        const SigningKey& key, const std::string& key_id) {
  std::string list;
  for (const auto& h : headers) list += (list.empty() ? "" : " ") + h;
  std::string signature = base64_encode(
      key.sign(SignatureAlgorithm::kRsaV15Sha256, cavage_signing_string(request, headers)));
  return "keyId=\"" + key_id + "\",algorithm=\"rsa-sha256\",headers=\"" + list + "\",signature=\"" +
         signature + "\"";
}

std::string rfc9421_signature_base(const SignedRequest& request, const SfMember& input) {
  std::string base;
  const std::string path = request.target.substr(0, request.target.find('?'));
  const auto q = request.target.find('?');
  const std::string query = q == std::string::npos ? "" : request.target.substr(q + 1);
  for (const auto& item : input.items) {
    if (item.value.type != SfBareItem::Type::kString) {
      throw SignatureError("Error parsing signature parameters");
    }
    const std::string& name = item.value.text;
    for (const auto& [param, value] : item.params) {
      if (param != "name") throw SignatureError("Unsupported component parameter: " + param);
    }
    std::string value;
    if (name == "@method") {
      value = request.method;
    } else if (name == "@target-uri") {
      value = request.target_uri();
    } else if (name == "@authority") {
      value = request.authority();
    } else if (name == "@scheme") {
      value = domain::lowercase(request.scheme);
    } else if (name == "@request-target") {
      value = request.target;
    } else if (name == "@path") {
      value = path.empty() ? "/" : path;
    } else if (name == "@query") {
      value = "?" + query;
    } else if (name == "@query-param") {
      const auto* wanted = item.param("name");
      if (wanted == nullptr) throw SignatureError("@query-param needs a name");
      int found = 0;
      std::string_view rest = query;
      while (!rest.empty()) {
        auto amp = rest.find('&');
        std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        auto eq = pair.find('=');
        if (percent_decode(pair.substr(0, eq)) != wanted->text) continue;
        value = url_encode(percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1)));
        ++found;
      }
      if (found != 1) throw SignatureError("The signed query parameter is missing or repeated");
    } else if (!name.empty() && name[0] == '@') {
      throw SignatureError("Unsupported derived component: " + name);
    } else {
      auto header = request.header(name);
      if (!header) throw SignatureError("The signature covers a header the request lacks: " + name);
      value = *header;
    }
    base += item.serialize() + ": " + value + "\n";
  }
  base += "\"@signature-params\": " + input.raw;
  return base;
}

std::string digest_header(std::string_view body) {
  return "SHA-256=" + base64_encode(digest("SHA256", body));
}

std::string content_digest_header(std::string_view body) {
  return "sha-256=:" + base64_encode(digest("SHA256", body)) + ":";
}

}  // namespace lox::activitypub
