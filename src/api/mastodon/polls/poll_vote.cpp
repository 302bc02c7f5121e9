#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/polls/polls_module.hpp>

#include <charconv>

namespace lox::api::mastodon {

// Votes with choices[] (option indexes); anything that is not an index is refused by the service.
awaitable<http::Response> PollsModule::vote(Call& call) {
  std::int64_t id = path_id(call.request);
  std::vector<int> choices;
  auto raw = call.params.list("choices");
  for (auto& x : call.params.list("choices[]")) raw.push_back(x);
  for (const auto& x : raw) {
    int v = -1;
    auto [ptr, ec] = std::from_chars(x.data(), x.data() + x.size(), v);
    choices.push_back(ec == std::errc{} && ptr == x.data() + x.size() ? v : -1);
  }
  auto page = co_await polls_.vote(id, call.user().account.id, choices);
  co_return http::Response::json(200, status_json(config_, page.statuses.at(0), page)["poll"]);
}

}  // namespace lox::api::mastodon
