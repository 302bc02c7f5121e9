#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/pagination.hpp"

#include <loxodon/api/mastodon/endorsements/endorsements_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> EndorsementsModule::list(Call& call) {
  auto page = co_await relationships_.endorsements(call.user().account.id,
                                                   page_request(call.params, 40, 80));
  co_return account_page_response(call.request, config_, page);
}

}  // namespace lox::api::mastodon
