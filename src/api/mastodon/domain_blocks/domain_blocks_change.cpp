#include <loxodon/api/mastodon/domain_blocks/domain_blocks_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> DomainBlocksModule::block(Call& call) {
  co_await relationships_.block_domain(call.user().account.id, call.params.string_or("domain", ""));
  co_return http::Response::json_text(200, "{}");
}

awaitable<http::Response> DomainBlocksModule::unblock(Call& call) {
  co_await relationships_.unblock_domain(call.user().account.id,
                                         call.params.string_or("domain", ""));
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
