#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/services/instance/instance_service.hpp>

namespace lox::api::activitypub {

// Server discovery for other servers and for clients that detect software through NodeInfo
// (megalodon): /.well-known/nodeinfo, /nodeinfo/2.0, /nodeinfo/2.1, /.well-known/host-meta.
class DiscoveryApi {
 public:
  DiscoveryApi(const config::Config& config, services::InstanceService& instance);
  void add_routes(http::Router& router);

 private:
  awaitable<http::Response> nodeinfo(http::Request& req, const char* version);

  const config::Config& config_;
  services::InstanceService& instance_;
};

}  // namespace lox::api::activitypub
