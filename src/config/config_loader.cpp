#include <loxodon/config/config_error.hpp>
#include <loxodon/config/config_loader.hpp>
#include <loxodon/util/http_url.hpp>

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <functional>
#include <set>
#include <variant>

extern char** environ;

namespace lox::config {

ConfigError::ConfigError(std::string key, const std::string& message)
    : std::runtime_error(key + " (" + env_name_for(key) + "): " + message), key_(std::move(key)) {}

std::string env_name_for(const std::string& key) {
  std::string out = "LOXODON_";
  for (char c : key) {
    out.push_back(c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

Environment loxodon_environment() {
  Environment env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string_view entry(*e);
    auto eq = entry.find('=');
    if (eq == std::string_view::npos || !entry.starts_with("LOXODON_")) continue;
    env.emplace(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
  }
  return env;
}

namespace {

using Value = std::variant<std::string, bool, std::int64_t, std::vector<std::string>>;

enum class Kind { kString, kBool, kInt, kList };

struct KeySpec {
  const char* key;
  Kind kind;
  std::int64_t min = 0;
  std::int64_t max = 0;
  std::function<void(Config&, const Value&)> apply;
};

std::size_t to_size(const Value& v) { return static_cast<std::size_t>(std::get<std::int64_t>(v)); }
std::chrono::seconds to_seconds(const Value& v) {
  return std::chrono::seconds(std::get<std::int64_t>(v));
}
const std::string& str(const Value& v) { return std::get<std::string>(v); }

// The keys whose values are checked beyond their kind and range.

void apply_trusted_proxies(Config& c, const Value& v) {
  c.http.trusted_proxies.clear();
  for (const auto& item : std::get<std::vector<std::string>>(v)) {
    auto net = IpNetwork::parse(item);
    if (!net)
      throw ConfigError("http.trusted_proxies",
                        "'" + item + "' is not an IP address or CIDR network");
    c.http.trusted_proxies.push_back(*net);
  }
}

void apply_registrations(Config& c, const Value& v) {
  const std::string& mode = str(v);
  if (mode == "open") {
    c.instance.registrations = RegistrationMode::kOpen;
  } else if (mode == "approval") {
    c.instance.registrations = RegistrationMode::kApproval;
  } else if (mode == "closed") {
    c.instance.registrations = RegistrationMode::kClosed;
  } else {
    throw ConfigError("instance.registrations",
                      "expected one of open, approval, closed; got '" + mode + "'");
  }
}

void apply_early_access_features(Config& c, const Value& v) {
  const auto& names = std::get<std::vector<std::string>>(v);
  for (const auto& name : names) {
    if (std::find(kEarlyAccessFeatureNames.begin(), kEarlyAccessFeatureNames.end(), name) ==
        kEarlyAccessFeatureNames.end()) {
      std::string known;
      for (auto k : kEarlyAccessFeatureNames) known += (known.empty() ? "" : ", ") + std::string(k);
      throw ConfigError("instance.early_access_features",
                        "unknown feature '" + name + "'; known: " + known);
    }
  }
  c.instance.early_access_features = names;
}

void apply_smtp_security(Config& c, const Value& v) {
  const std::string& mode = str(v);
  if (mode != "starttls" && mode != "tls" && mode != "none") {
    throw ConfigError("smtp.security", "expected starttls, tls or none; got '" + mode + "'");
  }
  c.smtp.security = mode;
}

// data table: every configuration key with its kind, its range and where it goes in Config.
std::vector<KeySpec> key_specs() {
  constexpr std::int64_t kDay = 86400;
  return {
      {"domain", Kind::kString, 0, 0, [](Config& c, const Value& v) { c.domain = str(v); }},
      {"scheme", Kind::kString, 0, 0, [](Config& c, const Value& v) { c.scheme = str(v); }},
      {"listen", Kind::kString, 0, 0, [](Config& c, const Value& v) { c.listen = str(v); }},
      {"database_url", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.database.url = str(v); }},
      {"media_dir", Kind::kString, 0, 0, [](Config& c, const Value& v) { c.media_dir = str(v); }},
      {"media_backend", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.media_backend = str(v); }},
      {"s3.endpoint", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.s3.endpoint = str(v); }},
      {"s3.bucket", Kind::kString, 0, 0, [](Config& c, const Value& v) { c.s3.bucket = str(v); }},
      {"s3.region", Kind::kString, 0, 0, [](Config& c, const Value& v) { c.s3.region = str(v); }},
      {"s3.access_key_id", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.s3.access_key_id = str(v); }},
      {"s3.secret_access_key", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.s3.secret_access_key = str(v); }},
      {"s3.path_style", Kind::kBool, 0, 0,
       [](Config& c, const Value& v) { c.s3.path_style = std::get<bool>(v); }},
      {"s3.public_url", Kind::kString, 0, 0,
       [](Config& c, const Value& v) {
         c.s3.public_url = str(v);
         while (c.s3.public_url.ends_with('/')) c.s3.public_url.pop_back();
       }},
      {"allow_private_addresses", Kind::kBool, 0, 0,
       [](Config& c, const Value& v) { c.allow_private_addresses = std::get<bool>(v); }},
      {"oauth_password_grant", Kind::kBool, 0, 0,
       [](Config& c, const Value& v) { c.oauth_password_grant = std::get<bool>(v); }},
      {"log_level", Kind::kString, 0, 0, [](Config& c, const Value& v) { c.log_level = str(v); }},
      {"log_format", Kind::kString, 0, 0, [](Config& c, const Value& v) { c.log_format = str(v); }},
      {"metrics_listen", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.metrics_listen = str(v); }},
      {"access_log", Kind::kBool, 0, 0,
       [](Config& c, const Value& v) { c.access_log = std::get<bool>(v); }},
      {"http.threads", Kind::kInt, 0, 256,
       [](Config& c, const Value& v) { c.http.threads = to_size(v); }},
      {"http.max_body_bytes", Kind::kInt, 1024, std::int64_t{1} << 32,
       [](Config& c, const Value& v) { c.http.max_body_bytes = to_size(v); }},
      {"http.max_connections_per_ip", Kind::kInt, 1, 1000000,
       [](Config& c, const Value& v) { c.http.max_connections_per_ip = to_size(v); }},
      {"http.max_header_bytes", Kind::kInt, 1024, 1024 * 1024,
       [](Config& c, const Value& v) { c.http.max_header_bytes = to_size(v); }},
      {"http.header_timeout_seconds", Kind::kInt, 1, 3600,
       [](Config& c, const Value& v) { c.http.header_timeout = to_seconds(v); }},
      {"http.idle_timeout_seconds", Kind::kInt, 1, 3600,
       [](Config& c, const Value& v) { c.http.idle_timeout = to_seconds(v); }},
      {"http.body_timeout_seconds", Kind::kInt, 1, 3600,
       [](Config& c, const Value& v) { c.http.body_timeout = to_seconds(v); }},
      {"http.shutdown_grace_seconds", Kind::kInt, 0, 3600,
       [](Config& c, const Value& v) { c.http.shutdown_grace = to_seconds(v); }},
      {"http.upload_spool_dir", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.http.upload_spool_dir = str(v); }},
      {"http.trusted_proxies", Kind::kList, 0, 0, apply_trusted_proxies},
      {"database.direct_url", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.database.direct_url = str(v); }},
      {"database.replica_url", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.database.replica_url = str(v); }},
      {"database.read_your_writes_ms", Kind::kInt, 0, 600 * 1000,
       [](Config& c, const Value& v) {
         c.database.read_your_writes = std::chrono::milliseconds(std::get<std::int64_t>(v));
       }},
      {"database.prepared_statements", Kind::kBool, 0, 0,
       [](Config& c, const Value& v) { c.database.prepared_statements = std::get<bool>(v); }},
      {"database.pool_size", Kind::kInt, 1, 64,
       [](Config& c, const Value& v) { c.database.pool_size = to_size(v); }},
      {"database.statement_timeout_ms", Kind::kInt, 0, 3600 * 1000,
       [](Config& c, const Value& v) {
         c.database.statement_timeout = std::chrono::milliseconds(std::get<std::int64_t>(v));
       }},
      {"jobs.workers", Kind::kInt, 0, 256,
       [](Config& c, const Value& v) { c.jobs.workers = to_size(v); }},
      {"jobs.lease_seconds", Kind::kInt, 2, kDay,
       [](Config& c, const Value& v) { c.jobs.lease = to_seconds(v); }},
      {"jobs.poll_interval_seconds", Kind::kInt, 1, 3600,
       [](Config& c, const Value& v) { c.jobs.poll_interval = to_seconds(v); }},
      {"jobs.reaper_interval_seconds", Kind::kInt, 1, 3600,
       [](Config& c, const Value& v) { c.jobs.reaper_interval = to_seconds(v); }},
      {"jobs.drain_timeout_seconds", Kind::kInt, 0, 3600,
       [](Config& c, const Value& v) { c.jobs.drain_timeout = to_seconds(v); }},
      {"federation.remote_content_retention_days", Kind::kInt, 0, 36500,
       [](Config& c, const Value& v) {
         c.remote_content_retention_days = static_cast<int>(std::get<std::int64_t>(v));
       }},
      {"funding.stripe_webhook_secrets", Kind::kList, 0, 0,
       [](Config& c, const Value& v) {
         c.funding.stripe_webhook_secrets = std::get<std::vector<std::string>>(v);
       }},
      {"funding.payment_links", Kind::kList, 0, 0,
       [](Config& c, const Value& v) {
         c.funding.payment_links = std::get<std::vector<std::string>>(v);
       }},
      {"funding.grace_days", Kind::kInt, 0, 365,
       [](Config& c, const Value& v) {
         c.funding.grace_days = static_cast<int>(std::get<std::int64_t>(v));
       }},
      {"funding.stripe_secret_key", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.funding.stripe_secret_key = str(v); }},
      {"funding.stripe_api_base", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.funding.stripe_api_base = str(v); }},
      {"funding.webhook_tolerance_seconds", Kind::kInt, 1, kDay,
       [](Config& c, const Value& v) { c.funding.webhook_tolerance = to_seconds(v); }},
      {"instance.title", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.instance.title = str(v); }},
      {"instance.short_description", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.instance.short_description = str(v); }},
      {"instance.description", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.instance.description = str(v); }},
      {"instance.contact_email", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.instance.contact_email = str(v); }},
      {"instance.source_url", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.instance.source_url = str(v); }},
      {"instance.languages", Kind::kList, 0, 0,
       [](Config& c, const Value& v) {
         c.instance.languages = std::get<std::vector<std::string>>(v);
       }},
      {"instance.registrations", Kind::kString, 0, 0, apply_registrations},
      {"instance.registration_message", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.instance.registration_message = str(v); }},
      {"instance.max_characters", Kind::kInt, 1, 100000,
       [](Config& c, const Value& v) { c.instance.max_characters = to_size(v); }},
      {"instance.max_media_attachments", Kind::kInt, 0, 16,
       [](Config& c, const Value& v) { c.instance.max_media_attachments = to_size(v); }},
      {"instance.max_poll_options", Kind::kInt, 2, 20,
       [](Config& c, const Value& v) { c.instance.max_poll_options = to_size(v); }},
      {"instance.edit_window_minutes", Kind::kInt, 0, 525600,
       [](Config& c, const Value& v) {
         c.instance.edit_window_minutes = std::get<std::int64_t>(v);
       }},
      {"instance.max_upload_megabytes", Kind::kInt, 99, 1024,
       [](Config& c, const Value& v) { c.instance.max_upload_megabytes = to_size(v); }},
      {"instance.early_access_features", Kind::kList, 0, 0, apply_early_access_features},
      {"smtp.host", Kind::kString, 0, 0, [](Config& c, const Value& v) { c.smtp.host = str(v); }},
      {"smtp.port", Kind::kInt, 1, 65535,
       [](Config& c, const Value& v) {
         c.smtp.port = static_cast<int>(std::get<std::int64_t>(v));
       }},
      {"smtp.username", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.smtp.username = str(v); }},
      {"smtp.password", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.smtp.password = str(v); }},
      {"smtp.from_address", Kind::kString, 0, 0,
       [](Config& c, const Value& v) { c.smtp.from_address = str(v); }},
      {"smtp.security", Kind::kString, 0, 0, apply_smtp_security},
      {"rate_limits.enabled", Kind::kBool, 0, 0,
       [](Config& c, const Value& v) { c.rate_limits.enabled = std::get<bool>(v); }},
      {"rate_limits.exempt_loopback", Kind::kBool, 0, 0,
       [](Config& c, const Value& v) { c.rate_limits.exempt_loopback = std::get<bool>(v); }},
      {"rate_limits.requests_per_window", Kind::kInt, 1, 1000000,
       [](Config& c, const Value& v) {
         c.rate_limits.requests_per_window = static_cast<int>(std::get<std::int64_t>(v));
       }},
      {"rate_limits.window_seconds", Kind::kInt, 1, 86400,
       [](Config& c, const Value& v) { c.rate_limits.window = to_seconds(v); }},
      {"rate_limits.sync_interval_ms", Kind::kInt, 50, 60000,
       [](Config& c, const Value& v) {
         c.rate_limits.sync_interval = std::chrono::milliseconds(std::get<std::int64_t>(v));
       }},
      {"rate_limits.sign_ups_per_ip", Kind::kInt, 1, 100000,
       [](Config& c, const Value& v) {
         c.rate_limits.sign_ups_per_ip = static_cast<int>(std::get<std::int64_t>(v));
       }},
      {"rate_limits.sign_up_window_seconds", Kind::kInt, 1, 86400 * 7,
       [](Config& c, const Value& v) { c.rate_limits.sign_up_window = to_seconds(v); }},
      {"rate_limits.failed_logins_per_ip", Kind::kInt, 1, 100000,
       [](Config& c, const Value& v) {
         c.rate_limits.failed_logins_per_ip = static_cast<int>(std::get<std::int64_t>(v));
       }},
      {"rate_limits.failed_logins_per_account", Kind::kInt, 1, 100000,
       [](Config& c, const Value& v) {
         c.rate_limits.failed_logins_per_account = static_cast<int>(std::get<std::int64_t>(v));
       }},
      {"rate_limits.login_window_seconds", Kind::kInt, 1, 86400,
       [](Config& c, const Value& v) { c.rate_limits.login_window = to_seconds(v); }},
  };
}

Value from_env(const KeySpec& spec, const std::string& raw) {
  switch (spec.kind) {
    case Kind::kString:
      return raw;
    case Kind::kBool: {
      std::string v = raw;
      std::transform(v.begin(), v.end(), v.begin(),
                     [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
      if (v == "true" || v == "1" || v == "yes" || v == "on") return true;
      if (v == "false" || v == "0" || v == "no" || v == "off" || v.empty()) return false;
      throw ConfigError(spec.key, "expected true or false, got '" + raw + "'");
    }
    case Kind::kInt: {
      std::int64_t n = 0;
      auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), n);
      if (ec != std::errc{} || ptr != raw.data() + raw.size()) {
        throw ConfigError(spec.key, "expected an integer, got '" + raw + "'");
      }
      return n;
    }
    case Kind::kList: {
      std::vector<std::string> items;
      std::size_t start = 0;
      while (start <= raw.size()) {
        std::size_t comma = raw.find(',', start);
        std::string item =
            raw.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (!item.empty()) items.push_back(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      return items;
    }
  }
  throw ConfigError(spec.key, "unsupported value");
}

Value from_toml(const KeySpec& spec, const toml::node& node) {
  switch (spec.kind) {
    case Kind::kString:
      if (auto s = node.value<std::string>(); s && node.is_string()) return *s;
      throw ConfigError(spec.key, "expected a string");
    case Kind::kBool:
      if (node.is_boolean()) return *node.value<bool>();
      throw ConfigError(spec.key, "expected true or false");
    case Kind::kInt:
      if (node.is_integer()) return *node.value<std::int64_t>();
      throw ConfigError(spec.key, "expected an integer");
    case Kind::kList: {
      const toml::array* arr = node.as_array();
      if (arr == nullptr) throw ConfigError(spec.key, "expected an array of strings");
      std::vector<std::string> items;
      for (const auto& el : *arr) {
        if (!el.is_string()) throw ConfigError(spec.key, "expected an array of strings");
        items.push_back(*el.value<std::string>());
      }
      return items;
    }
  }
  throw ConfigError(spec.key, "unsupported value");
}

void apply(const KeySpec& spec, Config& config, const Value& value) {
  if (spec.kind == Kind::kInt) {
    std::int64_t n = std::get<std::int64_t>(value);
    if (n < spec.min || n > spec.max) {
      throw ConfigError(spec.key, "must be between " + std::to_string(spec.min) + " and " +
                                      std::to_string(spec.max) + ", got " + std::to_string(n));
    }
  }
  spec.apply(config, value);
}

// `key` is "listen" or "metrics_listen": both are ADDRESS:PORT.
void check_listen(const std::string& listen, const std::string& key = "listen") {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    throw ConfigError(key, "expected ADDRESS:PORT such as 127.0.0.1:3000, got '" + listen + "'");
  }
  std::string host = listen.substr(0, colon);
  std::string port = listen.substr(colon + 1);
  int value = -1;
  auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc{} || ptr != port.data() + port.size() || value < 0 || value > 65535) {
    throw ConfigError(key, "'" + port + "' is not a port number");
  }
  if (!parse_ip_address(host) && host != "localhost") {
    throw ConfigError(key, "'" + host + "' is not an IP address (use 0.0.0.0, ::, or 127.0.0.1)");
  }
}

void check_domain(const std::string& domain) {
  if (domain.empty()) {
    throw ConfigError("domain",
                      "is required: the public host name of this instance, e.g. social.example");
  }
  for (char c : domain) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' ||
              c == '[' || c == ']';
    if (!ok) {
      throw ConfigError(
          "domain",
          "'" + domain +
              "' is not a host name (no scheme or path: social.example or localhost:8080)");
    }
  }
}

// S3 bucket names: 3 to 63 lowercase letters, digits, '.' and '-' (they become a host name).
bool valid_bucket(const std::string& bucket) {
  if (bucket.size() < 3 || bucket.size() > 63) return false;
  return std::all_of(bucket.begin(), bucket.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '-';
  });
}

void check_media_backend(const Config& c) {
  if (c.media_backend == "s3") {
    validate_s3(c.s3);
  } else if (c.media_backend != "local") {
    throw ConfigError("media_backend", "expected local or s3, got '" + c.media_backend + "'");
  }
}

// Empty (not set) or a libpq URI: a key=value string would not take the options Loxodon appends.
void check_database_uri(const char* key, const std::string& uri) {
  if (!uri.empty() && !uri.starts_with("postgresql://") && !uri.starts_with("postgres://")) {
    throw ConfigError(key, "must be a libpq URI starting with postgresql://");
  }
}

void validate(const Config& c, Requirement requirement) {
  if (requirement != Requirement::kStorageOnly && c.database.url.empty()) {
    throw ConfigError("database_url", "is required, e.g. postgresql://loxodon@localhost/loxodon");
  }
  check_database_uri("database_url", c.database.url);
  check_database_uri("database.direct_url", c.database.direct_url);
  check_database_uri("database.replica_url", c.database.replica_url);
  if (c.scheme != "https" && c.scheme != "http") {
    throw ConfigError("scheme", "expected https or http, got '" + c.scheme + "'");
  }
  static const std::set<std::string> kLevels = {"trace", "debug",    "info", "warn",
                                                "error", "critical", "off"};
  if (!kLevels.contains(c.log_level)) {
    throw ConfigError(
        "log_level",
        "expected trace, debug, info, warn, error, critical or off; got '" + c.log_level + "'");
  }
  if (c.log_format != "text" && c.log_format != "json") {
    throw ConfigError("log_format", "expected text or json; got '" + c.log_format + "'");
  }
  check_listen(c.listen);
  check_media_backend(c);
  if (!c.metrics_listen.empty()) check_listen(c.metrics_listen, "metrics_listen");
  if (!c.smtp.host.empty() && c.smtp.from_address.find('@') == std::string::npos) {
    throw ConfigError("smtp.from_address",
                      "is required when smtp.host is set, e.g. notifications@social.example");
  }
  if (requirement == Requirement::kServe) {
    check_domain(c.domain);
    if (c.media_dir.empty()) throw ConfigError("media_dir", "must not be empty");
  }
}

}  // namespace

void validate_s3(const S3Config& s3) {
  if (!is_http_url(s3.endpoint) || s3.endpoint.find('?') != std::string::npos) {
    throw ConfigError("s3.endpoint",
                      "needs the S3 server's http(s):// address, e.g. "
                      "https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000");
  }
  if (!valid_bucket(s3.bucket)) {
    throw ConfigError("s3.bucket", "needs the bucket's name (3 to 63 of a-z, 0-9, '.' and '-')");
  }
  if (s3.region.empty()) {
    throw ConfigError("s3.region", "is required (us-east-1 for MinIO, garage for Garage)");
  }
  if (s3.access_key_id.empty()) throw ConfigError("s3.access_key_id", "is required");
  if (s3.secret_access_key.empty()) throw ConfigError("s3.secret_access_key", "is required");
  if (!s3.public_url.empty() && !is_http_url(s3.public_url)) {
    throw ConfigError("s3.public_url", "must be an http(s):// address, e.g. https://media.example");
  }
}

std::vector<std::string> known_keys() {
  std::vector<std::string> keys;
  for (const auto& spec : key_specs()) keys.emplace_back(spec.key);
  return keys;
}

Config load_config(const std::optional<std::string>& toml_path, const Environment& env,
                   Requirement requirement) {
  Config config;
  const auto specs = key_specs();
  if (toml_path) {
    toml::table table;
    try {
      table = toml::parse_file(*toml_path);
    } catch (const toml::parse_error& e) {
      std::string where;
      if (e.source().begin) {
        where = " at line " + std::to_string(e.source().begin.line);
      }
      throw ConfigError("config",
                        "cannot read " + *toml_path + where + ": " + std::string(e.description()));
    }
    std::set<std::string> known;
    for (const auto& spec : specs) known.insert(spec.key);
    // Walk the file so an unknown (misspelt) key is an error instead of being silently ignored.
    std::function<void(const toml::table&, const std::string&)> walk =
        [&](const toml::table& t, const std::string& prefix) {
          for (const auto& [k, node] : t) {
            std::string key =
                prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
            if (const toml::table* sub = node.as_table(); sub != nullptr && !known.contains(key)) {
              walk(*sub, key);
              continue;
            }
            auto spec = std::find_if(specs.begin(), specs.end(),
                                     [&](const KeySpec& s) { return key == s.key; });
            if (spec == specs.end()) throw ConfigError(key, "unknown configuration key");
            apply(*spec, config, from_toml(*spec, node));
          }
        };
    walk(table, "");
  }
  for (const auto& spec : specs) {
    auto it = env.find(env_name_for(spec.key));
    if (it != env.end()) apply(spec, config, from_env(spec, it->second));
  }
  validate(config, requirement);
  return config;
}

}  // namespace lox::config
