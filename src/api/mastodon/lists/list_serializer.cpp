#include "api/mastodon/lists/list_serializer.hpp"

namespace lox::api::mastodon {

nlohmann::json list_json(const domain::List& l) {
  return {{"id", std::to_string(l.id)},
          {"title", l.title},
          {"replies_policy", l.replies_policy},
          {"exclusive", l.exclusive}};
}

}  // namespace lox::api::mastodon
