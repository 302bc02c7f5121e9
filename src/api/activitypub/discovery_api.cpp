#include <loxodon/activitypub/actor_documents.hpp>
#include <loxodon/api/activitypub/discovery_api.hpp>
#include <loxodon/util/version.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::activitypub {

using nlohmann::json;

DiscoveryApi::DiscoveryApi(const config::Config& config, services::InstanceService& instance)
    : config_(config), instance_(instance) {}

void DiscoveryApi::add_routes(http::Router& router) {
  router.add("GET", "/.well-known/nodeinfo", [this](http::Request&) -> awaitable<http::Response> {
    const std::string base = config_.base_url();
    co_return http::Response::json(
        200, {{"links", json::array({{{"rel", "http://nodeinfo.diaspora.software/ns/schema/2.0"},
                                      {"href", base + "/nodeinfo/2.0"}},
                                     {{"rel", "http://nodeinfo.diaspora.software/ns/schema/2.1"},
                                      {"href", base + "/nodeinfo/2.1"}}})}});
  });
  router.add("GET", "/nodeinfo/2.0", [this](http::Request& r) { return nodeinfo(r, "2.0"); });
  router.add("GET", "/nodeinfo/2.1", [this](http::Request& r) { return nodeinfo(r, "2.1"); });
  router.add("GET", "/.well-known/host-meta", [this](http::Request&) -> awaitable<http::Response> {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n"
        "  <Link rel=\"lrdd\" template=\"" +
        config_.base_url() + "/.well-known/webfinger?resource={uri}\"/>\n</XRD>\n";
    co_return http::Response::text(200, std::move(xml), "application/xrd+xml; charset=utf-8");
  });
}

awaitable<http::Response> DiscoveryApi::nodeinfo(http::Request&, const char* version) {
  auto snapshot = co_await instance_.snapshot();
  const std::string v = version;
  json software = {{"name", "loxodon"}, {"version", kLoxodonVersion}};
  if (v == "2.1") {
    software["repository"] = config_.instance.source_url;
    software["homepage"] = config_.base_url();
  }
  json doc = {
      {"version", v},
      {"software", software},
      {"protocols", json::array({"activitypub"})},
      {"services", {{"outbound", json::array()}, {"inbound", json::array()}}},
      {"usage",
       {{"users",
         {{"total", snapshot->stats.user_count},
          {"activeMonth", snapshot->stats.active_month},
          {"activeHalfyear", snapshot->stats.active_month}}},
        {"localPosts", snapshot->stats.status_count}}},
      {"openRegistrations", config_.instance.registrations == config::RegistrationMode::kOpen},
      // Always present: megalodon dereferences metadata.upstream without a null check.
      {"metadata",
       {{"nodeName", config_.instance.title},
        {"nodeDescription", config_.instance.short_description},
        // FEP-0ea0 Links: where to pay this instance.
        {"paymentLinks", lox::activitypub::payment_links(config_)},
        {"upstream", {{"name", "mastodon"}, {"version", kMastodonCompatVersion}}}}},
  };
  http::Response res = http::Response::json(200, doc);
  res.set_header(
      "Content-Type",
      "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/" + v + "#\"");
  co_return res;
}

}  // namespace lox::api::activitypub
