#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/notification_serializer.hpp"
#include "api/mastodon/pagination.hpp"
#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/scheduled_status_serializer.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/statuses_api.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/time_format.hpp>

#include <algorithm>
#include <charconv>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {

const char* const kNotificationTypes[] = {"mention",        "status",    "reblog", "follow",
                                          "follow_request", "favourite", "poll",   "update"};

}  // namespace

StatusesApi::StatusesApi(const config::Config& config, services::StatusService& statuses,
                         services::NotificationService& notifications,
                         services::RelationshipService& relationships,
                         services::ScheduledStatusService& scheduled)
    : config_(config),
      statuses_(statuses),
      notifications_(notifications),
      relationships_(relationships),
      scheduled_(scheduled) {}

void StatusesApi::add_routes(Endpoints& e) {
  e.add({"POST", "/api/v1/statuses", Access::kUser, {"write:statuses"}},
        [this](Call& c) { return create(c); });
  e.add({"GET", "/api/v1/statuses", Access::kPublic, {"read:statuses"}},
        [this](Call& c) { return show_many(c); });
  e.add({"GET", "/api/v1/statuses/:id", Access::kPublic, {"read:statuses"}},
        [this](Call& c) { return show(c); });
  e.add({"DELETE", "/api/v1/statuses/:id", Access::kUser, {"write:statuses"}},
        [this](Call& c) { return destroy(c); });
  e.add({"GET", "/api/v1/statuses/:id/context", Access::kPublic, {"read:statuses"}},
        [this](Call& c) { return context(c); });
  struct Toggle {
    const char* action;
    const char* scope;
  };
  for (const Toggle& t :
       {Toggle{"favourite", "write:favourites"}, Toggle{"unfavourite", "write:favourites"},
        Toggle{"reblog", "write:statuses"}, Toggle{"unreblog", "write:statuses"},
        Toggle{"bookmark", "write:bookmarks"}, Toggle{"unbookmark", "write:bookmarks"}}) {
    std::string action = t.action;
    e.add({"POST", "/api/v1/statuses/:id/" + action, Access::kUser, {t.scope}},
          [this, action](Call& c) -> awaitable<http::Response> {
            std::int64_t id = path_id(c.request);
            std::int64_t me = c.user().account.id;
            services::StatusPage page;
            if (action == "favourite" || action == "unfavourite") {
              page = co_await statuses_.favourite(id, me, action == "favourite");
            } else if (action == "bookmark" || action == "unbookmark") {
              page = co_await statuses_.bookmark(id, me, action == "bookmark");
            } else if (action == "reblog") {
              page = co_await statuses_.reblog(id, me);
            } else {
              page = co_await statuses_.unreblog(id, me);
            }
            if (page.statuses.empty()) throw Error(ErrorCode::kNotFound, "Record not found");
            co_return http::Response::json(200, status_json(config_, page.statuses[0], page));
          });
  }
  e.add({"GET", "/api/v1/timelines/home", Access::kUser, {"read:statuses"}},
        [this](Call& c) { return home(c); });
  e.add({"GET", "/api/v1/timelines/public", Access::kPublic, {"read:statuses"}, true},
        [this](Call& c) { return public_timeline(c); });
  e.add({"GET", "/api/v1/accounts/:id/statuses", Access::kPublic, {"read:statuses"}},
        [this](Call& c) { return account_statuses(c); });
  e.add({"GET", "/api/v1/notifications", Access::kUser, {"read:notifications"}},
        [this](Call& c) { return notifications(c); });
  e.add({"GET", "/api/v1/notifications/:id", Access::kUser, {"read:notifications"}},
        [this](Call& c) { return notification(c); });
  e.add({"GET", "/api/v1/notifications/unread_count", Access::kUser, {"read:notifications"}},
        [this](Call& c) -> awaitable<http::Response> {
          int limit = static_cast<int>(
              std::clamp<long long>(c.params.integer("limit").value_or(100), 1, 1000));
          auto count = co_await notifications_.unread_count(c.user().account.id, limit);
          co_return http::Response::json(200, {{"count", count}});
        });
  e.add({"POST", "/api/v1/notifications/clear", Access::kUser, {"write:notifications"}},
        [this](Call& c) -> awaitable<http::Response> {
          co_await notifications_.clear(c.user().account.id);
          co_return http::Response::json_text(200, "{}");
        });
  e.add({"POST", "/api/v1/notifications/:id/dismiss", Access::kUser, {"write:notifications"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_await notifications_.dismiss(c.user().account.id, id);
          co_return http::Response::json_text(200, "{}");
        });
  add_more_routes(e);
}

void StatusesApi::add_more_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/polls/:id", Access::kPublic, {"read:statuses"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto page = co_await statuses_.poll(id, viewer_of(c));
          co_return http::Response::json(200,
                                         status_json(config_, page.statuses.at(0), page)["poll"]);
        });
  e.add({"POST", "/api/v1/polls/:id/votes", Access::kUser, {"write:statuses"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          std::vector<int> choices;
          auto raw = c.params.list("choices");
          for (auto& x : c.params.list("choices[]")) raw.push_back(x);
          for (const auto& x : raw) {
            int v = -1;
            auto [ptr, ec] = std::from_chars(x.data(), x.data() + x.size(), v);
            choices.push_back(ec == std::errc{} && ptr == x.data() + x.size() ? v : -1);
          }
          auto page = co_await statuses_.vote(id, c.user().account.id, choices);
          co_return http::Response::json(200,
                                         status_json(config_, page.statuses.at(0), page)["poll"]);
        });
  auto accounts_response = [this](Call& c, const services::AccountPage& page) {
    json out = json::array();
    for (const auto& a : page.accounts) out.push_back(account_json(config_, a));
    http::Response res = http::Response::json(200, out);
    add_link_header(res, c.request, config_, page.cursors);
    return res;
  };
  auto cursor_statuses = [this](Call& c, const services::CursorStatusPage& p) {
    http::Response res = http::Response::json_text(200, statuses_json_text(config_, p.page));
    add_link_header(res, c.request, config_, p.cursors);
    return res;
  };
  e.add({"GET", "/api/v1/favourites", Access::kUser, {"read:favourites"}},
        [this, cursor_statuses](Call& c) -> awaitable<http::Response> {
          co_return cursor_statuses(
              c, co_await statuses_.favourites(c.user().account.id, page_query(c.params, 20, 40)));
        });
  e.add({"GET", "/api/v1/bookmarks", Access::kUser, {"read:bookmarks"}},
        [this, cursor_statuses](Call& c) -> awaitable<http::Response> {
          co_return cursor_statuses(
              c, co_await statuses_.bookmarks(c.user().account.id, page_query(c.params, 20, 40)));
        });
  e.add({"GET", "/api/v1/statuses/:id/reblogged_by", Access::kPublic, {"read:accounts"}},
        [this, accounts_response](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_return accounts_response(
              c, co_await statuses_.reblogged_by(id, viewer_of(c), page_query(c.params, 40, 80)));
        });
  e.add({"GET", "/api/v1/statuses/:id/favourited_by", Access::kPublic, {"read:accounts"}},
        [this, accounts_response](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_return accounts_response(
              c, co_await statuses_.favourited_by(id, viewer_of(c), page_query(c.params, 40, 80)));
        });
  e.add({"GET", "/api/v1/blocks", Access::kUser, {"read:blocks"}},
        [this, accounts_response](Call& c) -> awaitable<http::Response> {
          co_return accounts_response(c, co_await relationships_.blocked(
                                             c.user().account.id, page_query(c.params, 40, 80)));
        });
  e.add({"GET", "/api/v1/mutes", Access::kUser, {"read:mutes"}},
        [this, accounts_response](Call& c) -> awaitable<http::Response> {
          co_return accounts_response(
              c, co_await relationships_.muted(c.user().account.id, page_query(c.params, 40, 80)));
        });
  e.add({"GET", "/api/v1/timelines/tag/:hashtag", Access::kPublic, {"read:statuses"}, true},
        [this](Call& c) -> awaitable<http::Response> {
          db::TagFilter filter;
          filter.tag = std::string(c.request.path_param("hashtag").value_or(""));
          auto names = [&](const char* key) {
            auto out = c.params.list(std::string(key) + "[]");
            for (auto& v : c.params.list(key)) out.push_back(v);
            return out;
          };
          filter.any = names("any");
          filter.all = names("all");
          filter.none = names("none");
          filter.local_only = c.params.boolean("local").value_or(false);
          filter.only_media = c.params.boolean("only_media").value_or(false);
          auto page =
              co_await statuses_.tag_timeline(viewer_of(c), filter, page_query(c.params, 20, 40));
          co_return co_await page_response(c, page);
        });
  struct Toggle {
    const char* on;
    const char* off;
    const char* scope;
    bool pin;
  };
  for (const Toggle& t : {Toggle{"pin", "unpin", "write:accounts", true},
                          Toggle{"mute", "unmute", "write:mutes", false}}) {
    for (bool on : {true, false}) {
      bool pin = t.pin;
      e.add({"POST",
             std::string("/api/v1/statuses/:id/") + (on ? t.on : t.off),
             Access::kUser,
             {t.scope}},
            [this, on, pin](Call& c) -> awaitable<http::Response> {
              std::int64_t id = path_id(c.request);
              std::int64_t me = c.user().account.id;
              // No co_await inside ?: — GCC 12 miscompiles it (the server crashed).
              services::StatusPage page;
              if (pin) {
                page = co_await statuses_.pin(id, me, on);
              } else {
                page = co_await statuses_.mute_conversation(id, me, on);
              }
              co_return http::Response::json(200, status_json(config_, page.statuses.at(0), page));
            });
    }
  }
  e.add({"PUT", "/api/v1/statuses/:id", Access::kUser, {"write:statuses"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          services::PostRequest r;
          r.text = c.params.string_or("status", "");
          r.spoiler_text = c.params.string_or("spoiler_text", "");
          r.sensitive = c.params.boolean("sensitive").value_or(false);
          r.language = c.params.string("language");
          if (r.language && r.language->empty()) r.language.reset();
          auto author = c.user();
          auto page = co_await statuses_.edit(author, id, r);
          co_return http::Response::json(200, status_json(config_, page.statuses.at(0), page));
        });
  e.add({"GET", "/api/v1/statuses/:id/history", Access::kPublic, {"read:statuses"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto h = co_await statuses_.history(id, viewer_of(c));
          json account = account_json(config_, h.current.account);
          json out = json::array();
          for (const auto& v : h.versions) {
            out.push_back({{"content", v.content},
                           {"spoiler_text", v.spoiler_text},
                           {"sensitive", v.sensitive},
                           {"created_at", format_iso8601_ms(v.created_at)},
                           {"account", account},
                           {"media_attachments", json::array()},
                           {"emojis", json::array()}});
          }
          const auto& s = h.current.status;
          out.push_back({{"content", s.content},
                         {"spoiler_text", s.spoiler_text},
                         {"sensitive", s.sensitive},
                         {"created_at", format_iso8601_ms(s.edited_at.value_or(s.created_at))},
                         {"account", account},
                         {"media_attachments", json::array()},
                         {"emojis", json::array()}});
          co_return http::Response::json(200, out);
        });
  e.add({"GET", "/api/v1/statuses/:id/source", Access::kUser, {"read:statuses"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto page = co_await statuses_.get(id, c.user().account.id);
          const auto& s = page.statuses.at(0).status;
          if (s.account_id != c.user().account.id)
            throw Error(ErrorCode::kNotFound, "Record not found");
          co_return http::Response::json(
              200,
              {{"id", std::to_string(s.id)}, {"text", s.text}, {"spoiler_text", s.spoiler_text}});
        });
  e.add({"GET", "/api/v1/markers", Access::kUser, {"read:statuses"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::vector<std::string> timelines = c.params.list("timeline");
          for (auto& t : c.params.list("timeline[]")) timelines.push_back(t);
          auto markers = co_await statuses_.markers(c.user().account.id, timelines);
          json out = json::object();
          for (const auto& m : markers) {
            out[m.timeline] = {{"last_read_id", std::to_string(m.last_read_id)},
                               {"version", m.version},
                               {"updated_at", format_iso8601_ms(m.updated_at)}};
          }
          co_return http::Response::json(200, out);
        });
  e.add({"POST", "/api/v1/markers", Access::kUser, {"write:statuses"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t me = c.user().account.id;
          std::vector<std::string> timelines;
          for (const char* timeline : {"home", "notifications"}) {
            const json& m = c.params.object(timeline);
            if (!m.is_object() || !m.contains("last_read_id")) continue;
            auto raw = http::json_string(m["last_read_id"]).value_or("");
            std::int64_t id = 0;
            auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), id);
            if (ec != std::errc{} || ptr != raw.data() + raw.size()) {
              throw Error(ErrorCode::kUnprocessable, "Validation failed: Last read id is invalid");
            }
            co_await statuses_.set_marker(me, timeline, id);
            timelines.emplace_back(timeline);
          }
          auto markers = co_await statuses_.markers(me, timelines);
          json out = json::object();
          for (const auto& m : markers) {
            out[m.timeline] = {{"last_read_id", std::to_string(m.last_read_id)},
                               {"version", m.version},
                               {"updated_at", format_iso8601_ms(m.updated_at)}};
          }
          co_return http::Response::json(200, out);
        });
}

awaitable<http::Response> StatusesApi::page_response(Call& call, const services::StatusPage& page) {
  http::Response res = http::Response::json_text(200, statuses_json_text(config_, page));
  std::vector<std::int64_t> cursors;
  for (const auto& v : page.statuses) cursors.push_back(v.status.id);
  add_link_header(res, call.request, config_, cursors);
  co_return res;
}

awaitable<http::Response> StatusesApi::create(Call& call) {
  const auto& p = call.params;
  services::PostRequest r;
  r.text = p.string_or("status", "");
  r.spoiler_text = p.string_or("spoiler_text", "");
  r.visibility = p.string("visibility");
  r.sensitive = p.boolean("sensitive").value_or(false);
  r.language = p.string("language");
  if (r.language && r.language->empty()) r.language.reset();
  if (auto reply = p.string("in_reply_to_id"); reply && !reply->empty()) {
    std::int64_t id = 0;
    auto [ptr, ec] = std::from_chars(reply->data(), reply->data() + reply->size(), id);
    if (ec != std::errc{} || ptr != reply->data() + reply->size()) {
      throw Error(ErrorCode::kNotFound, "Record not found");
    }
    r.in_reply_to_id = id;
  }
  r.application_id = call.caller->token.application_id;
  r.media_ids = id_params(p, "media_ids");
  if (auto key = call.request.header("Idempotency-Key")) r.idempotency_key = std::string(*key);
  const json& poll = p.object("poll");
  if (poll.is_object()) {
    services::PollRequest pr;
    if (poll.contains("options")) {
      const json& options = poll["options"];
      if (options.is_array()) {
        for (const auto& o : options) pr.options.push_back(http::json_string(o).value_or(""));
      } else if (options.is_object()) {  // poll[options][0]=...
        for (const auto& [k, o] : options.items())
          pr.options.push_back(http::json_string(o).value_or(""));
      }
    }
    if (poll.contains("expires_in")) {
      auto raw = http::json_string(poll["expires_in"]).value_or("");
      auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), pr.expires_in);
      if (ec != std::errc{}) pr.expires_in = 0;
    }
    if (poll.contains("multiple"))
      pr.multiple = http::json_boolean(poll["multiple"]).value_or(false);
    if (poll.contains("hide_totals"))
      pr.hide_totals = http::json_boolean(poll["hide_totals"]).value_or(false);
    r.poll = std::move(pr);
  }
  auto author = call.user();
  auto at = time_param(p, "scheduled_at", "Scheduled at");
  auto outcome = co_await scheduled_.post_or_schedule(author, r, at);
  if (outcome.scheduled) {
    co_return http::Response::json(200, scheduled_status_json(*outcome.scheduled));
  }
  const auto& page = *outcome.posted;
  co_return http::Response::json(200, status_json(config_, page.statuses.at(0), page));
}

awaitable<http::Response> StatusesApi::show(Call& call) {
  std::int64_t id = path_id(call.request);
  auto page = co_await statuses_.get(id, viewer_of(call));
  co_return http::Response::json(200, status_json(config_, page.statuses.at(0), page));
}

awaitable<http::Response> StatusesApi::show_many(Call& call) {
  auto ids = id_params(call.params, "id");
  auto views = co_await statuses_.many(ids, viewer_of(call));
  services::StatusPage page;
  page.statuses = std::move(views);
  co_return http::Response::json_text(200, statuses_json_text(config_, page));
}

awaitable<http::Response> StatusesApi::destroy(Call& call) {
  std::int64_t id = path_id(call.request);
  auto page = co_await statuses_.remove(id, call.user().account.id);
  co_return http::Response::json(200, status_json(config_, page.statuses.at(0), page, true));
}

awaitable<http::Response> StatusesApi::context(Call& call) {
  std::int64_t id = path_id(call.request);
  auto ctx = co_await statuses_.context(id, viewer_of(call));
  co_return http::Response::json(200, {{"ancestors", statuses_json(config_, ctx.ancestors)},
                                       {"descendants", statuses_json(config_, ctx.descendants)}});
}

awaitable<http::Response> StatusesApi::home(Call& call) {
  auto page = co_await statuses_.home(call.user().account.id, page_query(call.params, 20, 40));
  co_return co_await page_response(call, page);
}

awaitable<http::Response> StatusesApi::public_timeline(Call& call) {
  auto scope = db::PublicScope::kAll;
  if (call.params.boolean("local").value_or(false)) scope = db::PublicScope::kLocal;
  if (call.params.boolean("remote").value_or(false)) scope = db::PublicScope::kRemote;
  auto page = co_await statuses_.public_timeline(viewer_of(call), scope,
                                                 call.params.boolean("only_media").value_or(false),
                                                 page_query(call.params, 20, 40));
  co_return co_await page_response(call, page);
}

awaitable<http::Response> StatusesApi::account_statuses(Call& call) {
  std::int64_t account = path_id(call.request);
  if (call.params.boolean("pinned").value_or(false)) {
    auto pinned = co_await statuses_.pinned(viewer_of(call), account);
    co_return http::Response::json_text(200, statuses_json_text(config_, pinned));
  }
  auto page = co_await statuses_.account_statuses(
      viewer_of(call), account, call.params.boolean("exclude_reblogs").value_or(false),
      call.params.boolean("exclude_replies").value_or(false),
      call.params.boolean("only_media").value_or(false), page_query(call.params, 20, 40));
  co_return co_await page_response(call, page);
}

awaitable<http::Response> StatusesApi::notifications(Call& call) {
  db::NotificationFilter filter;
  auto known = [](const std::string& t) {
    return std::find(std::begin(kNotificationTypes), std::end(kNotificationTypes), t) !=
           std::end(kNotificationTypes);
  };
  for (const char* key : {"types", "types[]"}) {
    for (auto& t : call.params.list(key)) {
      if (known(t)) filter.types.push_back(t);
    }
  }
  for (const char* key : {"exclude_types", "exclude_types[]"}) {
    for (auto& t : call.params.list(key)) filter.exclude_types.push_back(t);
  }
  if (auto a = call.params.integer("account_id")) filter.account_id = *a;
  bool asked_types = call.params.has("types") || call.params.has("types[]");
  json out = json::array();
  std::vector<std::int64_t> cursors;
  if (!(asked_types && filter.types.empty())) {  // only unknown types asked for: nothing
    auto page = co_await notifications_.list(call.user().account.id, filter,
                                             page_query(call.params, 40, 80));
    for (const auto& n : page.items) {
      out.push_back(notification_json(config_, n, page.statuses));
      cursors.push_back(n.row.id);
    }
  }
  http::Response res = http::Response::json(200, out);
  add_link_header(res, call.request, config_, cursors);
  co_return res;
}

awaitable<http::Response> StatusesApi::notification(Call& call) {
  std::int64_t id = path_id(call.request);
  auto page = co_await notifications_.get(call.user().account.id, id);
  co_return http::Response::json(200, notification_json(config_, page.items.at(0), page.statuses));
}

}  // namespace lox::api::mastodon
