#include "api/mastodon/custom_emojis/custom_emoji_request.hpp"

#include <loxodon/api/mastodon/custom_emojis/custom_emojis_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> CustomEmojisModule::remove(Call& call) {
  co_await emojis_.remove(call.user(),
                          std::string(call.request.path_param("shortcode").value_or("")),
                          administering(call));
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
