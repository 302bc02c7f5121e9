#include "cli/admin_commands.hpp"

#include "cli/logging.hpp"
#include "cli/media_migrate.hpp"
#include "cli/with_services.hpp"

#include <loxodon/app/services.hpp>
#include <loxodon/config/config_error.hpp>
#include <loxodon/config/config_loader.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/time_format.hpp>

#include <spdlog/spdlog.h>

#include <charconv>
#include <iostream>
#include <map>

namespace lox::cli {

namespace {

const char* kAccountsHelp = R"(Usage: loxodon [--config FILE] accounts COMMAND NAME [OPTIONS]

Manage local accounts. Accounts created here are confirmed and approved whatever the
registration mode.

Commands:
  create NAME --email E [--password P] [--role admin|moderator|user]
                 Create an account. Without --password a random one is generated and printed
                 on standard output (nothing else is).
  approve NAME   Approve an account waiting for review (and confirm its e-mail address)
  suspend NAME   Suspend an account: it can no longer sign in; its sessions and tokens end
  unsuspend NAME Lift a suspension
  reset-password NAME
                 Set a new random password, print it on standard output, end all sessions
                 and revoke all tokens of the account
  set-role NAME ROLE
                 Give the account another role (user, moderator, admin or a custom role)

Requires LOXODON_DATABASE_URL and LOXODON_DOMAIN (or the same keys in --config).
)";

const char* kTokensHelp = R"(Usage: loxodon [--config FILE] tokens create NAME [--scopes "SCOPES"]

Create an API access token for the local account NAME and print it alone on standard output,
for bots and scripts: TOKEN=$(loxodon tokens create alice --scopes "read write").
Scopes default to "read write follow push"; any Mastodon scope is accepted.
)";

const char* kInvitesHelp =
    R"(Usage: loxodon [--config FILE] invites create [--max-uses N] [--expires-in-hours H]

Create an invite link and print it on standard output. People who sign up through it skip
closed or approval-only registrations. Without options the link never expires and has no
use limit.
)";

const char* kFederationHelp = R"(Usage: loxodon [--config FILE] federation COMMAND

Delivery health of the servers this instance federates with. Every failed delivery attempt
(timeouts, refused connections, 5xx, 401/408/429) records its UTC day against the host; a host
that failed on 7 distinct days with no success in between is marked unavailable and receives
nothing but Follow activities until a delivery succeeds or a signed request arrives from it.

Commands:
  hosts              List hosts with recorded failures, unavailable ones first
  clear-host HOST    Forget a host's failures (HOST as host or host:port), so deliveries resume
)";

const char* kReportsHelp = R"(Usage: loxodon [--config FILE] reports COMMAND

The moderation queue: reports people here made about accounts (through their apps), and
reports other servers sent about accounts here (ActivityPub Flag). Staff with the admin or
moderator role also see and resolve them through the admin API (/api/v1/admin/reports) and
are e-mailed about each new one when SMTP is configured.

Commands:
  list [--resolved] [--limit N]   Unresolved reports, newest first (resolved ones with
                                  --resolved); N defaults to 20
  resolve ID                      Mark a report as handled
)";

const char* kFundingHelp = R"(Usage: loxodon [--config FILE] funding reconcile --since DATE

Catches up on payments whose webhooks never reached this server (an outage, a wrong secret):
fetches the payment provider's events since DATE (YYYY-MM-DD, UTC) and applies each exactly as
its webhook would have been: once by its id, so running it again records nothing twice. Needs
funding.stripe_secret_key; the manual provider has nothing to catch up on.
)";

const char* kMediaHelp = R"(Usage: loxodon [--config FILE] media prune [--days N]
       loxodon [--config FILE] media migrate --to s3

Attachments of posts from other servers are copied here when the posts arrive (so readers never
load them from the other server). `media prune` removes the copies older than N days (default 7)
from the media store; the posts keep a link to the original, which apps show instead. Run it
from cron to bound the disk space remote media takes. Progress goes to the log as it works.

`media migrate --to s3` copies every file of LOXODON_MEDIA_DIR into the bucket the LOXODON_S3_*
settings name (media_backend may still be local), with a progress bar on a terminal. A file
already in the bucket with the same size is not sent again, so a run that stopped resumes when
started again. Then set LOXODON_MEDIA_BACKEND=s3, restart, and run it once more to catch files
written in between. It needs no database.
)";

const char* kAnnouncementsHelp = R"(Usage: loxodon [--config FILE] announcements COMMAND [OPTIONS]

Staff announcements, shown by Mastodon apps to every signed-in user and streamed to them live.

Commands:
  create --text TEXT [--starts-at TIME] [--ends-at TIME] [--all-day] [--scheduled-at TIME]
                 Publish an announcement now, or at --scheduled-at. --starts-at and --ends-at
                 give the period it is about (apps show it; it disappears after --ends-at).
                 TIME is ISO 8601, e.g. 2026-12-24T18:00:00Z. Prints the new id.
  list           Every announcement: id, published or scheduled time, and text
  delete ID      Withdraw an announcement (apps remove it at once)
)";

struct Options {
  std::vector<std::string> positional;
  std::map<std::string, std::string> named;
};

std::optional<Options> parse_options(const std::vector<std::string>& args, std::size_t from,
                                     const std::vector<std::string>& allowed,
                                     const std::string& command) {
  Options o;
  for (std::size_t i = from; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.starts_with("--")) {
      std::string name = a.substr(2), value;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        std::cerr << "loxodon " << command << ": --" << name << " needs a value\n";
        return std::nullopt;
      }
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        std::cerr << "loxodon " << command << ": unknown option '--" << name << "'\n";
        return std::nullopt;
      }
      o.named[name] = value;
    } else {
      o.positional.push_back(a);
    }
  }
  return o;
}

int create_account(const std::optional<std::string>& config_path,
                   const std::vector<std::string>& args) {
  auto o = parse_options(args, 2, {"email", "password", "role"}, "accounts create");
  if (!o) return kUsage;
  if (o->positional.size() != 1 || !o->named.contains("email")) {
    std::cerr << "loxodon accounts create: usage: accounts create NAME --email E [--password P] "
                 "[--role ROLE]\n";
    return kUsage;
  }
  services::AdminAccountRequest r;
  r.username = o->positional[0];
  r.email = o->named["email"];
  bool generated = !o->named.contains("password");
  r.password = generated ? random_token().substr(0, 20) : o->named["password"];
  r.role = o->named.contains("role") ? o->named["role"] : "user";
  return with_services(config_path, [r, generated](app::Services& s) -> awaitable<int> {
    auto created = co_await s.accounts.create_by_admin(r);
    spdlog::get("lox.cli")->info("created @{} ({}, role {})", created.account.username,
                                 created.user.email, created.user.role.name);
    if (generated) std::cout << r.password << "\n";
    co_return kOk;
  });
}

int accounts(const std::optional<std::string>& config_path, const std::vector<std::string>& args) {
  if (args.size() < 2) {
    std::cerr << kAccountsHelp;
    return kUsage;
  }
  const std::string& sub = args[1];
  if (sub == "create") return create_account(config_path, args);
  std::vector<std::string> rest(args.begin() + 2, args.end());
  auto need_name = [&](std::size_t n) {
    if (rest.size() != n) {
      std::cerr << "loxodon accounts " << sub << ": expected " << (n == 1 ? "NAME" : "NAME ROLE")
                << " (see loxodon accounts --help)\n";
      return false;
    }
    return true;
  };
  if (sub == "approve" || sub == "suspend" || sub == "unsuspend" || sub == "reset-password") {
    if (!need_name(1)) return kUsage;
    std::string name = rest[0];
    return with_services(config_path, [name, sub](app::Services& s) -> awaitable<int> {
      auto log = spdlog::get("lox.cli");
      if (sub == "approve") {
        co_await s.accounts.approve(name);
        log->info("approved @{}", name);
      } else if (sub == "suspend" || sub == "unsuspend") {
        co_await s.accounts.set_suspended(name, sub == "suspend");
        log->info("{}ed @{}", sub, name);
      } else {
        std::string password = co_await s.accounts.reset_password_by_admin(name);
        log->info("new password set for @{}; its sessions and tokens were revoked", name);
        std::cout << password << "\n";
      }
      co_return kOk;
    });
  }
  if (sub == "set-role") {
    if (!need_name(2)) return kUsage;
    std::string name = rest[0], role = rest[1];
    return with_services(config_path, [name, role](app::Services& s) -> awaitable<int> {
      co_await s.accounts.set_role(name, role);
      spdlog::get("lox.cli")->info("@{} is now {}", name, role);
      co_return kOk;
    });
  }
  std::cerr << "loxodon accounts: unknown command '" << sub << "' (see loxodon accounts --help)\n";
  return kUsage;
}

int tokens(const std::optional<std::string>& config_path, const std::vector<std::string>& args) {
  if (args.size() < 2 || args[1] != "create") {
    std::cerr << kTokensHelp;
    return kUsage;
  }
  auto o = parse_options(args, 2, {"scopes"}, "tokens create");
  if (!o) return kUsage;
  if (o->positional.size() != 1) {
    std::cerr << "loxodon tokens create: usage: tokens create NAME [--scopes \"...\"]\n";
    return kUsage;
  }
  std::string name = o->positional[0];
  std::string scopes = o->named.contains("scopes") ? o->named["scopes"] : "read write follow push";
  return with_services(config_path, [name, scopes](app::Services& s) -> awaitable<int> {
    auto user = co_await s.accounts.user_by_username(name);
    auto token = co_await s.auth.personal_token(user.user.id, scopes);
    spdlog::get("lox.cli")->info("token for @{} with scopes: {}", name, token.scopes);
    std::cout << token.access_token << "\n";
    co_return kOk;
  });
}

int invites(const std::optional<std::string>& config_path, const std::vector<std::string>& args) {
  if (args.size() < 2 || args[1] != "create") {
    std::cerr << kInvitesHelp;
    return kUsage;
  }
  auto o = parse_options(args, 2, {"max-uses", "expires-in-hours"}, "invites create");
  if (!o) return kUsage;
  auto number = [&](const char* key) -> std::optional<long long> {
    if (!o->named.contains(key)) return std::nullopt;
    const std::string& v = o->named[key];
    long long n = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc{} || ptr != v.data() + v.size() || n <= 0) return -1;
    return n;
  };
  auto max_uses = number("max-uses");
  auto hours = number("expires-in-hours");
  if ((max_uses && *max_uses < 0) || (hours && *hours < 0) || !o->positional.empty()) {
    std::cerr
        << "loxodon invites create: --max-uses and --expires-in-hours take positive numbers\n";
    return kUsage;
  }
  return with_services(config_path, [max_uses, hours](app::Services& s) -> awaitable<int> {
    std::optional<int> uses;
    if (max_uses) uses = static_cast<int>(*max_uses);
    std::optional<std::int64_t> expires;
    if (hours) expires = *hours * 3600;
    std::string code = co_await s.accounts.create_invite(std::nullopt, uses, expires);
    std::cout << s.config.base_url() << "/invite/" << code << "\n";
    co_return kOk;
  });
}

int create_announcement(const std::optional<std::string>& config_path,
                        const std::vector<std::string>& args) {
  // --all-day takes no value: turn it into one the option parser understands.
  std::vector<std::string> rest(args.begin(), args.end());
  for (std::size_t i = 2; i < rest.size(); ++i) {
    if (rest[i] == "--all-day") rest[i] = "--all-day=true";
  }
  auto o = parse_options(rest, 2, {"text", "starts-at", "ends-at", "all-day", "scheduled-at"},
                         "announcements create");
  if (!o) return kUsage;
  if (!o->positional.empty() || !o->named.contains("text")) {
    std::cerr << "loxodon announcements create: usage: announcements create --text TEXT "
                 "[--starts-at TIME] [--ends-at TIME] [--all-day] [--scheduled-at TIME]\n";
    return kUsage;
  }
  services::NewAnnouncement r;
  r.text = o->named["text"];
  r.all_day = o->named.contains("all-day");
  for (auto [key, target] : {std::pair{"starts-at", &r.starts_at}, std::pair{"ends-at", &r.ends_at},
                             std::pair{"scheduled-at", &r.scheduled_at}}) {
    if (!o->named.contains(key)) continue;
    *target = parse_iso8601(o->named[key]);
    if (!*target) {
      std::cerr << "loxodon announcements create: --" << key
                << " needs an ISO 8601 time such as 2026-12-24T18:00:00Z\n";
      return kUsage;
    }
  }
  return with_services(config_path, [r](app::Services& s) -> awaitable<int> {
    auto created = co_await s.announcements.create(r);
    spdlog::get("lox.cli")->info("announcement {} {}", created.id,
                                 created.published_at ? "published" : "scheduled");
    std::cout << created.id << "\n";
    co_return kOk;
  });
}

int announcements(const std::optional<std::string>& config_path,
                  const std::vector<std::string>& args) {
  const std::string sub = args.size() > 1 ? args[1] : "";
  if (sub == "create") return create_announcement(config_path, args);
  if (sub == "list" && args.size() == 2) {
    return with_services(config_path, [](app::Services& s) -> awaitable<int> {
      for (const auto& a : co_await s.announcements.all()) {
        std::string when = a.published_at   ? "published " + format_iso8601_ms(*a.published_at)
                           : a.scheduled_at ? "scheduled " + format_iso8601_ms(*a.scheduled_at)
                                            : "unpublished";
        std::cout << a.id << "\t" << when << "\t" << a.text << "\n";
      }
      co_return kOk;
    });
  }
  if (sub == "delete" && args.size() == 3) {
    std::int64_t id = 0;
    const std::string& v = args[2];
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
    if (ec != std::errc{} || ptr != v.data() + v.size()) {
      std::cerr << "loxodon announcements delete: ID is a number (see announcements list)\n";
      return kUsage;
    }
    return with_services(config_path, [id](app::Services& s) -> awaitable<int> {
      co_await s.announcements.remove(id);
      spdlog::get("lox.cli")->info("announcement {} withdrawn", id);
      co_return kOk;
    });
  }
  std::cerr << kAnnouncementsHelp;
  return kUsage;
}

int media(const std::optional<std::string>& config_path, const std::vector<std::string>& args) {
  if (args.size() >= 2 && args[1] == "migrate") return media_migrate(config_path, args);
  if (args.size() < 2 || args[1] != "prune") {
    std::cerr << kMediaHelp;
    return kUsage;
  }
  auto o = parse_options(args, 2, {"days"}, "media prune");
  if (!o) return kUsage;
  int days = 7;
  if (o->named.contains("days")) {
    const std::string& v = o->named["days"];
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), days);
    if (ec != std::errc{} || ptr != v.data() + v.size() || days < 0 || !o->positional.empty()) {
      std::cerr << "loxodon media prune: --days takes a number of days (0 or more)\n";
      return kUsage;
    }
  }
  return with_services(config_path, [days](app::Services& s) -> awaitable<int> {
    auto log = spdlog::get("lox.cli");
    auto report = [log, days](const services::MediaService::PruneProgress& p) {
      log->info("remote media older than {} days: {}/{} copies removed ({:.1f} MB freed)", days,
                p.done, p.total, static_cast<double>(p.bytes) / (1024.0 * 1024.0));
    };
    auto done = co_await s.media.prune_remote(days, report);
    std::cout << done.done << " cached remote file(s) removed, "
              << (done.bytes + 512 * 1024) / (1024 * 1024) << " MB freed\n";
    co_return kOk;
  });
}

// Remote text goes to a terminal: control characters (C0, DEL, C1) become spaces, so a
// report cannot move the cursor or restyle the operator's screen.
std::string printable(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) {
      out += ' ';
    } else if (c == 0xc2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      out += ' ';
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string printable_acct(const domain::Account& a) {
  return printable("@" + a.username + (a.domain ? "@" + *a.domain : ""));
}

int list_reports(const std::optional<std::string>& config_path,
                 const std::vector<std::string>& args) {
  // --resolved is a flag; the rest are --name value options.
  std::vector<std::string> rest;
  bool resolved = false;
  for (const auto& a : args) {
    if (a == "--resolved") {
      resolved = true;
    } else {
      rest.push_back(a);
    }
  }
  auto o = parse_options(rest, 2, {"limit"}, "reports list");
  int limit = 20;
  if (o && o->named.contains("limit")) {
    const std::string& v = o->named["limit"];
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), limit);
    if (ec != std::errc{} || ptr != v.data() + v.size() || limit < 1 || limit > 1000) {
      o.reset();
    }
  }
  if (!o || !o->positional.empty()) {
    std::cerr << kReportsHelp;
    return kUsage;
  }
  return with_services(config_path, [resolved, limit](app::Services& s) -> awaitable<int> {
    auto rows = co_await s.reports.list_for_operator(resolved, limit);
    if (rows.empty()) std::cout << (resolved ? "No resolved reports.\n" : "No open reports.\n");
    for (const auto& v : rows) {
      std::cout << "#" << v.report.id << "\t" << format_iso8601_ms(v.report.created_at) << "\t"
                << printable_acct(v.reporter) << " reported " << printable_acct(v.target) << "\t"
                << v.report.category << ", " << v.report.status_ids.size() << " status(es)"
                << (v.report.forwarded ? ", forwarded" : "") << "\t" << printable(v.report.comment)
                << "\n";
    }
    co_return kOk;
  });
}

int reports(const std::optional<std::string>& config_path, const std::vector<std::string>& args) {
  const std::string sub = args.size() > 1 ? args[1] : "";
  if (sub == "list") return list_reports(config_path, args);
  if (sub == "resolve" && args.size() == 3) {
    std::int64_t id = 0;
    const std::string& v = args[2];
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
    if (ec != std::errc{} || ptr != v.data() + v.size()) {
      std::cerr << "loxodon reports resolve: ID is a report number (see reports list)\n";
      return kUsage;
    }
    return with_services(config_path, [id](app::Services& s) -> awaitable<int> {
      co_await s.reports.resolve_for_operator(id);
      spdlog::get("lox.cli")->info("report #{} resolved", id);
      co_return kOk;
    });
  }
  std::cerr << kReportsHelp;
  return kUsage;
}

int federation(const std::optional<std::string>& config_path,
               const std::vector<std::string>& args) {
  const std::string sub = args.size() > 1 ? args[1] : "";
  if (sub == "hosts" && args.size() == 2) {
    return with_services(config_path, [](app::Services& s) -> awaitable<int> {
      auto hosts = co_await s.delivery_health.hosts();
      if (hosts.empty()) std::cout << "No delivery failures recorded.\n";
      for (const auto& h : hosts) {
        std::cout << h.host << "\t"
                  << (h.unavailable ? "unavailable since " + format_iso8601_ms(*h.unavailable_since)
                                    : "available")
                  << "\tfailed on " << h.failure_days << " day(s)"
                  << (h.last_failure_at ? ", last " + format_iso8601_ms(*h.last_failure_at) : "")
                  << "\t" << h.last_failure << "\n";
      }
      co_return kOk;
    });
  }
  if (sub == "clear-host" && args.size() == 3) {
    std::string host = args[2];
    return with_services(config_path, [host](app::Services& s) -> awaitable<int> {
      bool cleared = co_await s.delivery_health.clear(host);
      if (cleared) {
        spdlog::get("lox.cli")->info("{}: failures forgotten, deliveries resume", host);
      } else {
        spdlog::get("lox.cli")->info("{}: no failures were recorded", host);
      }
      co_return kOk;
    });
  }
  std::cerr << kFederationHelp;
  return kUsage;
}

}  // namespace

int funding(const std::optional<std::string>& config_path, const std::vector<std::string>& args) {
  if (args.size() < 2 || args[1] != "reconcile") {
    std::cerr << kFundingHelp;
    return kUsage;
  }
  auto o = parse_options(args, 2, {"since"}, "funding reconcile");
  if (!o) return kUsage;
  std::optional<std::chrono::system_clock::time_point> since;
  if (o->named.contains("since") && o->named["since"].size() == 10) {
    since = parse_iso8601(o->named["since"] + "T00:00:00Z");
  }
  if (!since || !o->positional.empty()) {
    std::cerr << "loxodon funding reconcile: --since takes a date (YYYY-MM-DD)\n";
    return kUsage;
  }
  return with_services(config_path, [since](app::Services& s) -> awaitable<int> {
    auto log = spdlog::get("lox.cli");
    log->info("fetching {} events since {}", s.checkout.provider_name(), format_iso8601_ms(*since));
    auto progress = [log](const services::ReconcileReport& r) {
      if (r.seen % 100 == 0) {
        log->info("{} events: {} recorded, {} already recorded, {} refused", r.seen, r.recorded,
                  r.duplicates, r.refused);
      }
    };
    auto report = co_await s.checkout.reconcile(*since, progress);
    std::cout << report.seen << " event(s): " << report.recorded << " recorded, "
              << report.duplicates << " already recorded, " << report.refused << " refused\n";
    co_return kOk;
  });
}

int run_admin_command(const std::optional<std::string>& config_path,
                      const std::vector<std::string>& args, bool help) {
  const std::string& command = args[0];
  if (help) {
    std::cout << (command == "accounts"        ? kAccountsHelp
                  : command == "tokens"        ? kTokensHelp
                  : command == "announcements" ? kAnnouncementsHelp
                  : command == "federation"    ? kFederationHelp
                  : command == "media"         ? kMediaHelp
                  : command == "reports"       ? kReportsHelp
                  : command == "funding"       ? kFundingHelp
                                               : kInvitesHelp);
    return kOk;
  }
  if (command == "accounts") return accounts(config_path, args);
  if (command == "tokens") return tokens(config_path, args);
  if (command == "announcements") return announcements(config_path, args);
  if (command == "federation") return federation(config_path, args);
  if (command == "media") return media(config_path, args);
  if (command == "reports") return reports(config_path, args);
  if (command == "funding") return funding(config_path, args);
  return invites(config_path, args);
}

}  // namespace lox::cli
