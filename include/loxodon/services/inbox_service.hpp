#pragma once

#include <loxodon/activitypub/http_signature.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/federation/activity_fetcher.hpp>
#include <loxodon/util/asio.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace lox::db {
class Database;
}

namespace lox::services {

// The receiving end of federation: an activity POSTed to an inbox is accepted only once its
// signature holds (Mastodon's rules, the key fetched from the signer's actor and fetched again
// once if it fails, for rotated keys), its actor is the key's owner and the objects it carries
// live on the actor's host; it is then queued for processing in a durable job.
class InboxService {
 public:
  static constexpr const char* kProcessKind = "activitypub.inbox";

  InboxService(const config::Config& config, db::Database& db,
               federation::ActivityFetcher& fetcher);

  // Throws lox::Error: 400 for a body that is not an activity, 401 when the signature or the
  // actor does not hold (the reason in the message). Returns normally when queued or ignored.
  awaitable<void> receive(activitypub::SignedRequest request, std::optional<std::string> recipient);

  // Job handler.
  awaitable<void> run_process(nlohmann::json payload);

 private:
  const config::Config& config_;
  db::Database& db_;
  federation::ActivityFetcher& fetcher_;
};

}  // namespace lox::services
