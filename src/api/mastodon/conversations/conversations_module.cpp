#include <loxodon/api/mastodon/conversations/conversations_module.hpp>

namespace lox::api::mastodon {

ConversationsModule::ConversationsModule(const config::Config& config,
                                         services::ConversationService& conversations)
    : config_(config), conversations_(conversations) {}

void ConversationsModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/conversations", Access::kUser, {"read:statuses"}},
        [this](Call& c) { return list(c); });
  e.add({"POST", "/api/v1/conversations/:id/read", Access::kUser, {"write:conversations"}},
        [this](Call& c) { return mark_read(c); });
  e.add({"DELETE", "/api/v1/conversations/:id", Access::kUser, {"write:conversations"}},
        [this](Call& c) { return remove(c); });
}

}  // namespace lox::api::mastodon
