#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/services/instance/instance_secrets.hpp>
#include <loxodon/services/instance/instance_service.hpp>

#include <memory>
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
  // Rendered documents, reused while the snapshot they came from is current.
  struct Rendered {
    std::shared_ptr<const services::InstanceSnapshot> from;
    std::string vapid_key;  // v2 embeds it, and it arrives only once the database answers
    std::string text;
  };
  Rendered v1_;
  Rendered v2_;
};

}  // namespace lox::api::mastodon
