#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/services/instance/instance_secrets.hpp>
#include <loxodon/services/instance/instance_service.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace lox::api::mastodon {

// GET /api/v1/instance, /api/v2/instance and the small instance endpoints apps call at launch.
class InstanceApi {
 public:
  InstanceApi(const config::Config& config, services::InstanceService& instance,
              const services::InstanceSecrets& secrets);

  void add_routes(http::Router& router);

 private:
  awaitable<http::Response> v1(http::Request& req);
  awaitable<http::Response> v2(http::Request& req);
  awaitable<http::Response> rules(http::Request& req);

  const config::Config& config_;
  services::InstanceService& instance_;
  const services::InstanceSecrets& secrets_;
  using Snapshot = std::shared_ptr<const services::InstanceSnapshot>;
  // Rendered documents, reused while the snapshot they came from is current. Requests on
  // several threads read and replace them: behind a lock, rendered outside it.
  struct Rendered {
    Snapshot from;
    std::string vapid_key;  // v2 embeds it, and it arrives only once the database answers
    std::string text;
  };
  std::optional<std::string> reuse(const Rendered& r, const Snapshot& from,
                                   const std::string& vapid_key);
  void keep(Rendered& r, const Snapshot& from, const std::string& vapid_key,
            const std::string& text);

  std::mutex rendered_mutex_;
  Rendered v1_;
  Rendered v2_;
};

}  // namespace lox::api::mastodon
