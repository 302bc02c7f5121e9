#pragma once

#include <loxodon/util/ip_network.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lox::config {

struct HttpConfig {
  // Threads serving HTTP; 0 is one per core (std::thread::hardware_concurrency()).
  std::size_t threads = 0;
  std::size_t max_body_bytes = 1024 * 1024;
  std::size_t max_connections_per_ip = 256;
  std::size_t max_header_bytes = 16 * 1024;
  std::chrono::seconds header_timeout{15};
  std::chrono::seconds idle_timeout{75};
  std::chrono::seconds body_timeout{60};
  std::chrono::seconds shutdown_grace{20};
  std::vector<IpNetwork> trusted_proxies;
  // Where large uploads are written as they arrive; empty is $TMPDIR or /tmp.
  std::string upload_spool_dir;
};

struct DatabaseConfig {
  std::string url;
  std::string direct_url;  // LISTEN and migrations, when `url` is a transaction pooler
  // A streaming replica that timeline, account and status reads go to; empty: none.
  std::string replica_url;
  // How long after a member's own write their reads stay on the primary (read-your-writes).
  std::chrono::milliseconds read_your_writes{5000};
  bool prepared_statements = true;  // false behind PgBouncer in transaction mode
  std::size_t pool_size = 4;
  std::chrono::milliseconds statement_timeout{5000};
};

struct JobsConfig {
  std::size_t workers = 16;
  std::chrono::seconds lease{30};
  std::chrono::seconds poll_interval{5};
  std::chrono::seconds reaper_interval{10};
  std::chrono::seconds drain_timeout{20};
};

enum class RegistrationMode { kOpen, kApproval, kClosed };

// Outgoing e-mail (confirmations, password resets, approvals). Without a host, no mail is sent
// and new accounts need no e-mail confirmation.
struct SmtpConfig {
  std::string host;
  int port = 587;
  std::string username;
  std::string password;
  std::string from_address;
  std::string security = "starttls";  // starttls, tls or none
};

// Payment providers' webhooks (the funding ledger and memberships).
struct FundingConfig {
  // Signing secrets of the Stripe-compatible webhook endpoint (whsec_...). Several may be set
  // while a secret is rotated; a delivery signed with any of them is accepted. Never logged.
  std::vector<std::string> stripe_webhook_secrets;
  // How far a webhook's signed timestamp may be from now (Stripe's default tolerance).
  std::chrono::seconds webhook_tolerance{300};
  // Where people can pay the instance ("https://..." or "Label=https://..."): published on the
  // instance actor and in NodeInfo as FEP-0ea0 payment links.
  std::vector<std::string> payment_links;
  // Days a membership's perks outlast its paid period while a renewal is retried (past due).
  int grace_days = 3;
  // The Stripe API key (sk_... or a restricted rk_...) for checkouts, cancellations, refunds
  // and reconciling; without it payments are recorded by hand (the manual provider). Never
  // logged.
  std::string stripe_secret_key;
  // Where the Stripe API answers (a compatible provider, or a test stand-in).
  std::string stripe_api_base = "https://api.stripe.com";
};

// Request limits per fixed window, as Mastodon's defaults (rack-attack). API requests are counted
// in each process and the counts shared through the database every sync_interval.
struct RateLimitConfig {
  bool enabled = true;
  bool exempt_loopback = true;  // local tools and benchmarks measure the server, not the limiter
  int requests_per_window = 300;
  std::chrono::seconds window{300};
  // How often a process shares its API request counts with the others (one statement each
  // time): processes together may admit about what they admit in one interval past a limit.
  std::chrono::milliseconds sync_interval{1000};
  int sign_ups_per_ip = 5;  // POST /api/v1/accounts and the sign-up form, per 30 minutes
  std::chrono::seconds sign_up_window{1800};
  int failed_logins_per_ip = 25;  // within login_window, across processes (stored in the DB)
  int failed_logins_per_account = 5;
  std::chrono::seconds login_window{300};
};

// The S3-compatible bucket that holds media when media_backend is "s3" (admin guide, "Object
// storage").
struct S3Config {
  std::string endpoint;  // http(s)://host[:port], without the bucket
  std::string bucket;
  std::string region;
  std::string access_key_id;
  std::string secret_access_key;  // never logged
  bool path_style = false;        // endpoint/bucket/key (MinIO, Garage) instead of bucket.host/key
  // Where clients load media from instead of this server (a CDN or the bucket's public host),
  // without a trailing slash; empty: Loxodon serves media itself from the bucket.
  std::string public_url;
};

struct InstanceConfig {
  std::string title = "Loxodon";
  std::string short_description;
  std::string description;
  std::string contact_email;
  // Where users can get this server's source code, as the AGPL asks (shown as source_url).
  std::string source_url;
  std::vector<std::string> languages{"en"};
  RegistrationMode registrations = RegistrationMode::kClosed;
  std::string registration_message;
  std::size_t max_characters = 500;
  std::size_t max_media_attachments = 4;
  std::size_t max_poll_options = 4;
  // How long after posting a post may be edited; 0: always, as Mastodon. A membership's
  // `edit_window_minutes` extends it.
  std::int64_t edit_window_minutes = 0;
  // The largest media upload any membership plan may allow (the request body limit of the
  // upload endpoints). Without a plan, Mastodon's 16 MB for images and 99 MB for video apply.
  std::size_t max_upload_megabytes = 100;
  // Features shown only to members whose plan grants `early_access`, by name (see
  // docs/funding.md for the names).
  std::vector<std::string> early_access_features;
};

// The features that can be held in early access (instance.early_access_features): each names
// a place in the code that asks whether the account may use it.
inline constexpr std::array<std::string_view, 2> kEarlyAccessFeatureNames = {
    "statuses_cleanup",  // automatic deletion of old posts
    "hide_counts",       // hidden follower and following counts
};

// Everything `loxodon` reads from its TOML file and LOXODON_* environment variables, validated once
// at start and then passed down by const reference. There is no global configuration.
struct Config {
  std::string domain;  // host[:port] used in handles and ids
  std::string scheme = "https";
  std::string listen = "127.0.0.1:3000";
  std::string media_dir = "media";
  std::string media_backend = "local";  // local (media_dir) or s3 (the bucket in `s3`)
  bool allow_private_addresses = false;
  bool oauth_password_grant = false;
  std::string log_level = "info";
  // "text" (one readable line per entry) or "json" (one JSON object per line, for log
  // collectors; access lines carry request_id, method, route, status and duration_ms).
  std::string log_format = "text";
  bool access_log = true;
  // ADDRESS:PORT where Prometheus metrics are served (/metrics); empty: no metrics. Keep it on
  // a private address: the numbers describe the instance's traffic.
  std::string metrics_listen;
  HttpConfig http;
  DatabaseConfig database;
  JobsConfig jobs;
  InstanceConfig instance;
  SmtpConfig smtp;
  RateLimitConfig rate_limits;
  FundingConfig funding;
  S3Config s3;
  // Remote statuses older than this many days that nobody here interacted with are removed by
  // the hourly maintenance job (0 keeps them; Mastodon's "content cache retention period").
  int remote_content_retention_days = 0;

  // scheme://domain, the base of every absolute URL the server publishes.
  std::string base_url() const { return scheme + "://" + domain; }
  // ws(s)://domain, advertised to clients for the streaming API.
  std::string streaming_url() const { return (scheme == "https" ? "wss://" : "ws://") + domain; }
  // Where clients load a file of the media store: the public URL of the bucket when one is set,
  // else the media route of api/mastodon (which serves from either store).
  std::string media_url(const std::string& key) const {
    if (media_backend == "s3" && !s3.public_url.empty()) return s3.public_url + "/" + key;
    return base_url() + "/system/media/" + key;
  }
  // A local account's ActivityPub id and profile page (Mastodon's URL scheme).
  std::string actor_url(const std::string& username) const {
    return base_url() + "/users/" + username;
  }
  std::string profile_url(const std::string& username) const {
    return base_url() + "/@" + username;
  }
};

}  // namespace lox::config
