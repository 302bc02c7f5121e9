#include <loxodon/api/mastodon/launch_api.hpp>

namespace lox::api::mastodon {

void add_launch_routes(Endpoints& e) {
  struct Empty {
    const char* path;
    Access access;
    const char* scope;
    const char* body;
  };
  static constexpr Empty kEmpty[] = {
      {"/api/v1/trends", Access::kPublic, "", "[]"},
      {"/api/v1/trends/tags", Access::kPublic, "", "[]"},
      {"/api/v1/trends/statuses", Access::kPublic, "", "[]"},
      {"/api/v1/trends/links", Access::kPublic, "", "[]"},
      {"/api/v1/suggestions", Access::kUser, "read", "[]"},
      {"/api/v2/suggestions", Access::kUser, "read", "[]"},
  };
  for (const auto& item : kEmpty) {
    std::vector<std::string> scopes;
    if (*item.scope != '\0') scopes.emplace_back(item.scope);
    std::string body = item.body;
    e.add({"GET", item.path, item.access, scopes}, [body](Call&) -> awaitable<http::Response> {
      co_return http::Response::json_text(200, body);
    });
  }
}

}  // namespace lox::api::mastodon
