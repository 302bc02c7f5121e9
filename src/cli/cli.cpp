#include "cli/admin_commands.hpp"
#include "cli/logging.hpp"

#include <loxodon/app/application.hpp>
#include <loxodon/app/database_options_for.hpp>
#include <loxodon/cli/cli.hpp>
#include <loxodon/config/config_error.hpp>
#include <loxodon/config/config_loader.hpp>
#include <loxodon/db/migrator.hpp>
#include <loxodon/net/smtp_client.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/version.hpp>

#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace lox::cli {

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

const char* kMainHelp = R"(Usage: loxodon [--config FILE] COMMAND [OPTIONS]

Loxodon: a federated microblogging server speaking the Mastodon client API and ActivityPub.

Commands:
  serve      Run the web server and job workers
  migrate    Apply pending database migrations
  accounts   Create, approve, suspend accounts; reset passwords; set roles
  tokens     Create an API token for a local account (prints only the token)
  invites    Create an invite link
  announcements
             Publish, list and withdraw staff announcements
  federation Delivery health of remote servers: list failing hosts, clear one
  media      Prune cached copies of other servers' media; copy local media to S3
  reports    The moderation queue: list reports, resolve one
  funding    Catch up on payment events whose webhooks never arrived
  help       Show help for a command (loxodon help accounts)

Options:
  --config FILE   Read settings from a TOML file (see config/loxodon.example.toml);
                  LOXODON_* environment variables override it
  -h, --help      Show this help
  --version       Print the version

Environment (the essentials; every key in the example config has one):
  LOXODON_DOMAIN            public host[:port] used in handles and ids (required by serve)
  LOXODON_DATABASE_URL      libpq URI, e.g. postgresql://loxodon@localhost/loxodon
  LOXODON_LISTEN            address:port to listen on (default 127.0.0.1:3000)
  LOXODON_HTTP_THREADS      threads serving HTTP (default 0: one per core)
  LOXODON_SCHEME            https (default) or http for local development
  LOXODON_MEDIA_DIR         where uploaded media is stored
  LOXODON_DATABASE_DIRECT_URL          PostgreSQL itself, when DATABASE_URL is PgBouncer
  LOXODON_DATABASE_PREPARED_STATEMENTS false behind PgBouncer in transaction mode
  LOXODON_DATABASE_REPLICA_URL         a streaming replica for timeline and status reads
  LOXODON_DATABASE_READ_YOUR_WRITES_MS how long a member's reads skip it after a write (5000)
  LOXODON_MEDIA_BACKEND     local (default: LOXODON_MEDIA_DIR) or s3 (a bucket, below)
  LOXODON_S3_ENDPOINT       the S3 server, e.g. https://s3.eu-west-1.amazonaws.com
  LOXODON_S3_BUCKET, LOXODON_S3_REGION, LOXODON_S3_ACCESS_KEY_ID, LOXODON_S3_SECRET_ACCESS_KEY
  LOXODON_S3_PATH_STYLE     true for MinIO, Garage and most self-hosted servers
  LOXODON_S3_PUBLIC_URL     a CDN or bucket address for media URLs (else Loxodon serves media)
  LOXODON_ALLOW_PRIVATE_ADDRESSES  let federation reach private addresses (tests only)
  LOXODON_OAUTH_PASSWORD_GRANT     enable the OAuth password grant (scripts and tests)
  LOXODON_LOG_LEVEL         trace, debug, info (default), warn, error, critical or off
  LOXODON_LOG_FORMAT        text (default) or json: one JSON object per log line
  LOXODON_METRICS_LISTEN    address:port serving Prometheus metrics at /metrics (default off)

Exit codes: 0 success, 1 failure, 2 bad usage or configuration.
)";

const char* kServeHelp = R"(Usage: loxodon [--config FILE] serve

Runs the HTTP server (Mastodon API, ActivityPub, web pages) and the durable job workers in one
process until SIGTERM or SIGINT. On a signal it stops accepting connections, finishes requests in
flight, lets running jobs finish (jobs.drain_timeout_seconds) and hands back the rest.

Any number of `serve` processes may share one database, each with its own LOXODON_LISTEN; they
split the job queue between them without further setup. Secrets (session key, VAPID keys, the
instance actor's key) are generated on first start and kept in the database.

The database schema must be current: run `loxodon migrate` after every upgrade. If the database
is not reachable yet, serve starts anyway, answers 503 on /health and connects when it can.

Requires LOXODON_DOMAIN and LOXODON_DATABASE_URL (or the same keys in --config).
)";

const char* kMigrateHelp = R"(Usage: loxodon [--config FILE] migrate [--status]

Applies the SQL migrations compiled into this executable that the database has not seen yet,
in order, each in its own transaction. An advisory lock serialises concurrent runs, so running
it from several hosts at once is safe. Running it again when up to date changes nothing.

Options:
  --status    List pending migrations without applying them (exit 0 either way)
  -h, --help  Show this help

Requires LOXODON_DATABASE_URL (or database_url in --config).
)";

struct Args {
  std::optional<std::string> config_path;
  std::vector<std::string> rest;  // command and its arguments
  bool help = false;
  bool version = false;
};

std::optional<Args> parse_global(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--config" || arg == "-c") {
      if (i + 1 >= argc) {
        std::cerr << "loxodon: --config needs a file name\n";
        return std::nullopt;
      }
      args.config_path = argv[++i];
    } else if (arg.starts_with("--config=")) {
      args.config_path = arg.substr(9);
    } else if (arg == "-h" || arg == "--help") {
      args.help = true;
    } else if (arg == "--version" && args.rest.empty()) {
      args.version = true;
    } else {
      args.rest.push_back(arg);
    }
  }
  return args;
}

std::optional<config::Config> load(const Args& args, config::Requirement requirement) {
  try {
    return config::load_config(args.config_path, config::loxodon_environment(), requirement);
  } catch (const config::ConfigError& e) {
    std::cerr << "loxodon: config error: " << e.what() << "\n";
    return std::nullopt;
  }
}

int unknown_option(const std::string& command, const std::string& option) {
  std::cerr << "loxodon " << command << ": unknown option '" << option << "' (see loxodon "
            << command << " --help)\n";
  return kUsage;
}

int serve(const Args& args) {
  if (args.rest.size() > 1) return unknown_option("serve", args.rest[1]);
  auto config = load(args, config::Requirement::kServe);
  if (!config) return kUsage;
  setup_logging(config->log_level, config->log_format);
  try {
    app::Application application(std::move(*config));
    return application.run();
  } catch (const std::exception& e) {
    spdlog::get("lox.app")->critical("serve failed: {}", e.what());
    return kFailed;
  }
}

int migrate(const Args& args) {
  bool status_only = false;
  for (std::size_t i = 1; i < args.rest.size(); ++i) {
    if (args.rest[i] == "--status") {
      status_only = true;
    } else {
      return unknown_option("migrate", args.rest[i]);
    }
  }
  auto config = load(args, config::Requirement::kDatabaseOnly);
  if (!config) return kUsage;
  setup_logging(config->log_level, config->log_format);
  auto log = spdlog::get("lox.cli");
  db::Migrator migrator(app::database_options_for(*config).session_url(),
                        db::embedded_migrations());
  try {
    if (status_only) {
      auto pending = migrator.pending();
      for (const auto& name : pending) std::cout << "pending " << name << "\n";
      if (pending.empty()) std::cout << "up to date\n";
      return kOk;
    }
    auto applied = migrator.apply([&](const std::string& name, std::size_t i, std::size_t n) {
      log->info("[{}/{}] applying {}", i, n, name);
    });
    if (applied.empty()) {
      log->info("database schema is up to date ({} migrations)", db::embedded_migrations().size());
    } else {
      log->info("applied {} migration(s)", applied.size());
    }
    return kOk;
  } catch (const Error& e) {
    log->error("migrate failed: {}{}{}", e.what(), e.detail().empty() ? "" : ": ", e.detail());
    return kFailed;
  } catch (const std::exception& e) {
    log->error("migrate failed: {}", e.what());
    return kFailed;
  }
}

}  // namespace

int run(int argc, char** argv) {
  net::initialize_network_libraries();
  auto args = parse_global(argc, argv);
  if (!args) return kUsage;
  if (args->version) {
    std::cout << "loxodon " << kLoxodonVersion << " (Mastodon API " << kMastodonCompatVersion
              << ")\n";
    return kOk;
  }
  if (args->rest.empty()) {
    (args->help ? std::cout : std::cerr) << kMainHelp;
    return args->help ? kOk : kUsage;
  }
  const std::string& command = args->rest[0];
  if (command == "help") {
    std::string topic = args->rest.size() > 1 ? args->rest[1] : "";
    if (topic == "accounts" || topic == "tokens" || topic == "invites" ||
        topic == "announcements" || topic == "federation" || topic == "media" ||
        topic == "reports" || topic == "funding") {
      return run_admin_command(std::nullopt, {topic}, true);
    }
    if (topic == "serve") {
      std::cout << kServeHelp;
    } else if (topic == "migrate") {
      std::cout << kMigrateHelp;
    } else if (topic.empty()) {
      std::cout << kMainHelp;
    } else {
      std::cerr << "loxodon: no help for unknown command '" << topic << "'\n";
      return kUsage;
    }
    return kOk;
  }
  if (command == "serve") {
    if (args->help) {
      std::cout << kServeHelp;
      return kOk;
    }
    return serve(*args);
  }
  if (command == "migrate") {
    if (args->help) {
      std::cout << kMigrateHelp;
      return kOk;
    }
    return migrate(*args);
  }
  if (command == "accounts" || command == "tokens" || command == "invites" ||
      command == "announcements" || command == "federation" || command == "media" ||
      command == "reports" || command == "funding") {
    return run_admin_command(args->config_path, args->rest, args->help);
  }
  std::cerr << "loxodon: unknown command '" << command << "' (see loxodon --help)\n";
  return kUsage;
}

}  // namespace lox::cli
