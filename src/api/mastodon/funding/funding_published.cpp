#include "api/mastodon/funding_serializer.hpp"

#include <loxodon/api/mastodon/funding/funding_module.hpp>

namespace lox::api::mastodon {

// The public figures and the thanks wall, without what only administrators see.
awaitable<http::Response> FundingModule::published(Call&) {
  auto published = co_await funding_.published();
  auto out = funding_summary_json(config_, published.summary);
  nlohmann::json thanks = nlohmann::json::array();
  for (const auto& t : published.thanks) thanks.push_back(thanks_json(t, false));
  out["thanks"] = std::move(thanks);
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
