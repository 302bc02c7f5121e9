#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/pagination.hpp"
#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/lists_api.hpp>
#include <loxodon/util/error.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1ListsPath[] = "/api/v1/lists";
constexpr char kV1ListsIdPath[] = "/api/v1/lists/:id";
constexpr char kV1ListsIdAccountsPath[] = "/api/v1/lists/:id/accounts";

}  // namespace

using nlohmann::json;

namespace {

json list_json(const db::ListRow& l) {
  return {{"id", std::to_string(l.id)},
          {"title", l.title},
          {"replies_policy", l.replies_policy},
          {"exclusive", l.exclusive}};
}

}  // namespace

ListsApi::ListsApi(const config::Config& config, services::ListService& lists)
    : config_(config), lists_(lists) {}

void ListsApi::add_routes(Endpoints& e) {
  e.add({"GET", kV1ListsPath, Access::kUser, {"read:lists"}},
        [this](Call& c) -> awaitable<http::Response> {
          json out = json::array();
          for (const auto& l : co_await lists_.lists(c.user().account.id))
            out.push_back(list_json(l));
          co_return http::Response::json(200, out);
        });
  e.add({"POST", kV1ListsPath, Access::kUser, {"write:lists"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::string title = c.params.string_or("title", "");
          std::string policy = c.params.string_or("replies_policy", "list");
          bool exclusive = c.params.boolean("exclusive").value_or(false);
          auto l = co_await lists_.create(c.user().account.id, title, policy, exclusive);
          co_return http::Response::json(200, list_json(l));
        });
  e.add({"GET", kV1ListsIdPath, Access::kUser, {"read:lists"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_return http::Response::json(200,
                                         list_json(co_await lists_.get(c.user().account.id, id)));
        });
  e.add({"PUT", kV1ListsIdPath, Access::kUser, {"write:lists"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto title = c.params.string("title");
          auto policy = c.params.string("replies_policy");
          auto exclusive = c.params.boolean("exclusive");
          auto l = co_await lists_.update(c.user().account.id, id, title, policy, exclusive);
          co_return http::Response::json(200, list_json(l));
        });
  e.add({"DELETE", kV1ListsIdPath, Access::kUser, {"write:lists"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_await lists_.remove(c.user().account.id, id);
          co_return http::Response::json_text(200, "{}");
        });
  e.add({"GET", kV1ListsIdAccountsPath, Access::kUser, {"read:lists"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto members =
              co_await lists_.members(c.user().account.id, id, page_query(c.params, 40, 80));
          json out = json::array();
          std::vector<std::int64_t> cursors;
          for (const auto& a : members) {
            out.push_back(account_json(config_, a));
            cursors.push_back(a.id);
          }
          http::Response res = http::Response::json(200, out);
          add_link_header(res, c.request, config_, cursors);
          co_return res;
        });
  e.add({"POST", kV1ListsIdAccountsPath, Access::kUser, {"write:lists"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_await lists_.add_members(c.user().account.id, id, id_params(c.params, "account_ids"));
          co_return http::Response::json_text(200, "{}");
        });
  e.add({"DELETE", kV1ListsIdAccountsPath, Access::kUser, {"write:lists"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_await lists_.remove_members(c.user().account.id, id,
                                         id_params(c.params, "account_ids"));
          co_return http::Response::json_text(200, "{}");
        });
  e.add({"GET", "/api/v1/accounts/:id/lists", Access::kUser, {"read:lists"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          json out = json::array();
          for (const auto& l : co_await lists_.containing(c.user().account.id, id))
            out.push_back(list_json(l));
          co_return http::Response::json(200, out);
        });
  e.add({"GET", "/api/v2/search", Access::kPublic, {"read:search"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::string q = c.params.string_or("q", "");
          std::string type = c.params.string_or("type", "");
          std::int64_t viewer = viewer_of(c);
          bool following = c.params.boolean("following").value_or(false);
          std::int64_t account = c.params.integer("account_id").value_or(0);
          int limit = static_cast<int>(
              std::clamp<long long>(c.params.integer("limit").value_or(20), 1, 40));
          int offset = static_cast<int>(
              std::clamp<long long>(c.params.integer("offset").value_or(0), 0, 10000));
          bool resolve = c.params.boolean("resolve").value_or(false);
          auto results =
              co_await lists_.search(q, type, viewer, following, account, limit, offset, resolve);
          json accounts = json::array();
          for (const auto& a : results.accounts) accounts.push_back(account_json(config_, a));
          json tags = json::array();
          for (const auto& t : results.hashtags) {
            tags.push_back({{"name", t},
                            {"url", config_.base_url() + "/tags/" + t},
                            {"history", json::array()}});
          }
          services::StatusPage page;
          page.statuses = results.statuses;
          co_return http::Response::json(200, {{"accounts", accounts},
                                               {"statuses", statuses_json(config_, page)},
                                               {"hashtags", tags}});
        });
}

}  // namespace lox::api::mastodon
