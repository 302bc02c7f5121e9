#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/statuses/statuses_module.hpp>
#include <loxodon/util/error.hpp>

namespace lox::api::mastodon {

// The author's own text of a status, for editing it.
awaitable<http::Response> StatusesModule::source(Call& call) {
  auto page = co_await reader_.get(path_id(call.request), call.user().account.id);
  const auto& s = page.statuses.at(0).status;
  if (s.account_id != call.user().account.id) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return http::Response::json(
      200, {{"id", std::to_string(s.id)}, {"text", s.text}, {"spoiler_text", s.spoiler_text}});
}

}  // namespace lox::api::mastodon
