#include <loxodon/api/mastodon/sponsors/sponsors_module.hpp>

namespace lox::api::mastodon {

// Community curators: who may manage the sponsors of which community.
awaitable<http::Response> SponsorsModule::curators(Call& call) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& cur : co_await sponsors_.curators(call.user())) {
    out.push_back({{"account_id", std::to_string(cur.account_id)},
                   {"acct", cur.acct},
                   {"community", cur.community},
                   {"granted_by", cur.granted_by}});
  }
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
