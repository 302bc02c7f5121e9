#include "api/mastodon/search/search_serializer.hpp"

#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/status_serializer.hpp"

namespace lox::api::mastodon {

using nlohmann::json;

json search_results_json(const config::Config& config, const services::SearchResults& results) {
  json accounts = json::array();
  for (const auto& a : results.accounts) accounts.push_back(account_json(config, a));
  json tags = json::array();
  for (const auto& t : results.hashtags) {
    tags.push_back(
        {{"name", t}, {"url", config.base_url() + "/tags/" + t}, {"history", json::array()}});
  }
  services::StatusPage page;
  page.statuses = results.statuses;
  return {{"accounts", accounts}, {"statuses", statuses_json(config, page)}, {"hashtags", tags}};
}

}  // namespace lox::api::mastodon
