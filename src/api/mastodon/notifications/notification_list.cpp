#include "api/mastodon/notification_serializer.hpp"
#include "api/mastodon/pagination.hpp"

#include <loxodon/api/mastodon/notifications/notifications_module.hpp>

#include <algorithm>
#include <iterator>

namespace lox::api::mastodon {

namespace {

// The types Mastodon documents; asking only for others gives nothing, as Mastodon does.
const char* const kNotificationTypes[] = {"mention",        "status",    "reblog", "follow",
                                          "follow_request", "favourite", "poll",   "update"};

bool known_type(const std::string& type) {
  return std::find(std::begin(kNotificationTypes), std::end(kNotificationTypes), type) !=
         std::end(kNotificationTypes);
}

domain::NotificationFilter filter_of(const http::Params& params) {
  domain::NotificationFilter filter;
  for (const char* key : {"types", "types[]"}) {
    for (auto& t : params.list(key)) {
      if (known_type(t)) filter.types.push_back(t);
    }
  }
  for (const char* key : {"exclude_types", "exclude_types[]"}) {
    for (auto& t : params.list(key)) filter.exclude_types.push_back(t);
  }
  if (auto a = params.integer("account_id")) filter.account_id = *a;
  return filter;
}

}  // namespace

// The notifications list, newest first, filtered by type or account.
awaitable<http::Response> NotificationsModule::list(Call& call) {
  domain::NotificationFilter filter = filter_of(call.params);
  bool asked_types = call.params.has("types") || call.params.has("types[]");
  nlohmann::json out = nlohmann::json::array();
  std::vector<std::int64_t> cursors;
  if (!(asked_types && filter.types.empty())) {  // only unknown types asked for: nothing
    auto page = co_await notifications_.list(call.user().account.id, filter,
                                             page_request(call.params, 40, 80));
    for (const auto& n : page.items) {
      out.push_back(notification_json(config_, n, page.statuses));
      cursors.push_back(n.row.id);
    }
  }
  http::Response res = http::Response::json(200, out);
  add_link_header(res, call.request, config_, cursors);
  co_return res;
}

}  // namespace lox::api::mastodon
