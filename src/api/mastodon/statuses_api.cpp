#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/page_responses.hpp"
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

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1StatusesPath[] = "/api/v1/statuses";
constexpr char kV1StatusesIdPath[] = "/api/v1/statuses/:id";

}  // namespace

using nlohmann::json;

StatusesApi::StatusesApi(const config::Config& config, services::StatusService& statuses,
                         services::StatusReader& reader, services::InteractionService& interactions,
                         services::TimelineService& timelines,
                         services::ScheduledStatusService& scheduled)
    : config_(config),
      statuses_(statuses),
      reader_(reader),
      interactions_(interactions),
      timelines_(timelines),
      scheduled_(scheduled) {}

void StatusesApi::add_routes(Endpoints& e) {
  e.add({"POST", kV1StatusesPath, Access::kUser, {"write:statuses"}},
        [this](Call& c) { return create(c); });
  e.add({"GET", kV1StatusesPath, Access::kPublic, {"read:statuses"}},
        [this](Call& c) { return show_many(c); });
  e.add({"GET", kV1StatusesIdPath, Access::kPublic, {"read:statuses"}},
        [this](Call& c) { return show(c); });
  e.add({"DELETE", kV1StatusesIdPath, Access::kUser, {"write:statuses"}},
        [this](Call& c) { return destroy(c); });
  e.add({"GET", "/api/v1/statuses/:id/context", Access::kPublic, {"read:statuses"}},
        [this](Call& c) { return context(c); });
  e.add({"POST", "/api/v1/statuses/:id/favourite", Access::kUser, {"write:favourites"}},
        [this](Call& c) { return status_action(c, "favourite"); });
  e.add({"POST", "/api/v1/statuses/:id/unfavourite", Access::kUser, {"write:favourites"}},
        [this](Call& c) { return status_action(c, "unfavourite"); });
  e.add({"POST", "/api/v1/statuses/:id/reblog", Access::kUser, {"write:statuses"}},
        [this](Call& c) { return status_action(c, "reblog"); });
  e.add({"POST", "/api/v1/statuses/:id/unreblog", Access::kUser, {"write:statuses"}},
        [this](Call& c) { return status_action(c, "unreblog"); });
  e.add({"POST", "/api/v1/statuses/:id/bookmark", Access::kUser, {"write:bookmarks"}},
        [this](Call& c) { return status_action(c, "bookmark"); });
  e.add({"POST", "/api/v1/statuses/:id/unbookmark", Access::kUser, {"write:bookmarks"}},
        [this](Call& c) { return status_action(c, "unbookmark"); });
  e.add({"GET", "/api/v1/accounts/:id/statuses", Access::kPublic, {"read:statuses"}},
        [this](Call& c) { return account_statuses(c); });
  add_more_routes(e);
}

void StatusesApi::add_more_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/statuses/:id/reblogged_by", Access::kPublic, {"read:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto page =
              co_await interactions_.reblogged_by(id, viewer_of(c), page_query(c.params, 40, 80));
          co_return account_page_response(c.request, config_, page);
        });
  e.add({"GET", "/api/v1/statuses/:id/favourited_by", Access::kPublic, {"read:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto page =
              co_await interactions_.favourited_by(id, viewer_of(c), page_query(c.params, 40, 80));
          co_return account_page_response(c.request, config_, page);
        });
  e.add({"POST", "/api/v1/statuses/:id/pin", Access::kUser, {"write:accounts"}},
        [this](Call& c) { return pin_or_mute(c, true, true); });
  e.add({"POST", "/api/v1/statuses/:id/unpin", Access::kUser, {"write:accounts"}},
        [this](Call& c) { return pin_or_mute(c, true, false); });
  e.add({"POST", "/api/v1/statuses/:id/mute", Access::kUser, {"write:mutes"}},
        [this](Call& c) { return pin_or_mute(c, false, true); });
  e.add({"POST", "/api/v1/statuses/:id/unmute", Access::kUser, {"write:mutes"}},
        [this](Call& c) { return pin_or_mute(c, false, false); });
  e.add({"PUT", kV1StatusesIdPath, Access::kUser, {"write:statuses"}},
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
          auto h = co_await reader_.history(id, viewer_of(c));
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
          auto page = co_await reader_.get(id, c.user().account.id);
          const auto& s = page.statuses.at(0).status;
          if (s.account_id != c.user().account.id)
            throw Error(ErrorCode::kNotFound, "Record not found");
          co_return http::Response::json(
              200,
              {{"id", std::to_string(s.id)}, {"text", s.text}, {"spoiler_text", s.spoiler_text}});
        });
}

awaitable<http::Response> StatusesApi::page_response(Call& call, const services::StatusPage& page) {
  co_return status_page_response(call.request, config_, page);
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
  auto page = co_await reader_.get(id, viewer_of(call));
  co_return http::Response::json(200, status_json(config_, page.statuses.at(0), page));
}

awaitable<http::Response> StatusesApi::show_many(Call& call) {
  auto ids = id_params(call.params, "id");
  auto views = co_await reader_.many(ids, viewer_of(call));
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
  auto ctx = co_await reader_.context(id, viewer_of(call));
  co_return http::Response::json(200, {{"ancestors", statuses_json(config_, ctx.ancestors)},
                                       {"descendants", statuses_json(config_, ctx.descendants)}});
}

awaitable<http::Response> StatusesApi::account_statuses(Call& call) {
  std::int64_t account = path_id(call.request);
  if (call.params.boolean("pinned").value_or(false)) {
    auto pinned = co_await timelines_.pinned(viewer_of(call), account);
    co_return http::Response::json_text(200, statuses_json_text(config_, pinned));
  }
  auto page = co_await timelines_.account_statuses(
      viewer_of(call), account, call.params.boolean("exclude_reblogs").value_or(false),
      call.params.boolean("exclude_replies").value_or(false),
      call.params.boolean("only_media").value_or(false), page_query(call.params, 20, 40));
  co_return co_await page_response(call, page);
}

// favourite, unfavourite, reblog, unreblog, bookmark and unbookmark a status.
awaitable<http::Response> StatusesApi::status_action(Call& c, std::string_view action) {
  std::int64_t id = path_id(c.request);
  std::int64_t me = c.user().account.id;
  services::StatusPage page;
  if (action == "favourite" || action == "unfavourite") {
    page = co_await interactions_.favourite(id, me, action == "favourite");
  } else if (action == "bookmark" || action == "unbookmark") {
    page = co_await interactions_.bookmark(id, me, action == "bookmark");
  } else if (action == "reblog") {
    page = co_await interactions_.reblog(id, me);
  } else {
    page = co_await interactions_.unreblog(id, me);
  }
  if (page.statuses.empty()) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return http::Response::json(200, status_json(config_, page.statuses[0], page));
}

// Pins to the profile (pin) or mutes the conversation (!pin), on or off.
awaitable<http::Response> StatusesApi::pin_or_mute(Call& c, bool pin, bool on) {
  std::int64_t id = path_id(c.request);
  std::int64_t me = c.user().account.id;
  // No co_await inside ?: — GCC 12 miscompiles it (the server crashed).
  services::StatusPage page;
  if (pin) {
    page = co_await interactions_.pin(id, me, on);
  } else {
    page = co_await interactions_.mute_conversation(id, me, on);
  }
  co_return http::Response::json(200, status_json(config_, page.statuses.at(0), page));
}

}  // namespace lox::api::mastodon
