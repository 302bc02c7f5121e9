#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/pagination.hpp"
#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/accounts_api.hpp>
#include <loxodon/util/error.hpp>

#include <array>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1DomainBlocksPath[] = "/api/v1/domain_blocks";

}  // namespace

using nlohmann::json;

namespace {

std::optional<std::vector<domain::ProfileField>> fields_param(const http::Params& params) {
  const auto& values = params.values();
  auto it = values.find("fields_attributes");
  if (it == values.end()) return std::nullopt;
  std::vector<std::pair<std::string, json>> rows;
  if (it->is_array()) {
    for (std::size_t i = 0; i < it->size(); ++i) rows.emplace_back(std::to_string(i), (*it)[i]);
  } else if (it->is_object()) {
    // Indexed form keys ("fields_attributes[0][name]") arrive as an object keyed by index.
    for (const auto& [k, v] : it->items()) rows.emplace_back(k, v);
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.first.size() != b.first.size() ? a.first.size() < b.first.size() : a.first < b.first;
    });
  } else {
    throw Error(ErrorCode::kUnprocessable, "Validation failed: Fields are invalid");
  }
  std::vector<domain::ProfileField> fields;
  for (const auto& [k, row] : rows) {
    if (!row.is_object()) continue;
    domain::ProfileField f;
    f.name = row.contains("name") ? http::json_string(row["name"]).value_or("") : "";
    f.value = row.contains("value") ? http::json_string(row["value"]).value_or("") : "";
    fields.push_back(std::move(f));
  }
  return fields;
}

}  // namespace

AccountsApi::AccountsApi(const config::Config& config, services::AccountService& accounts,
                         services::AuthService& auth, services::RelationshipService& relationships,
                         services::MediaService& media)
    : config_(config),
      accounts_(accounts),
      media_(media),
      auth_(auth),
      relationships_(relationships) {}

void AccountsApi::add_routes(Endpoints& e) {
  e.add({"POST", "/api/v1/accounts", Access::kApp, {"write:accounts"}},
        [this](Call& c) { return create(c); });
  e.add({"GET", "/api/v1/accounts/verify_credentials", Access::kUser, {"read:accounts", "profile"}},
        [this](Call& c) { return verify_credentials(c); });
  http::RouteOptions with_images;  // avatar and header uploads, up to 8 MB each
  with_images.max_body_bytes = 2 * services::MediaService::kMaxProfileImageBytes + 1024 * 1024;
  with_images.spool_large_body = true;
  e.add(
      {"PATCH", "/api/v1/accounts/update_credentials", Access::kUser, {"write:accounts"}},
      [this](Call& c) { return update_credentials(c); }, with_images);
  e.add({"GET", "/api/v1/accounts/lookup", Access::kPublic, {"read:accounts"}},
        [this](Call& c) { return lookup(c); });
  e.add({"GET", "/api/v1/accounts/relationships", Access::kUser, {"read:follows"}},
        [this](Call& c) { return relationships(c); });
  e.add({"GET", "/api/v1/accounts/familiar_followers", Access::kUser, {"read:follows"}},
        [this](Call& c) { return familiar_followers(c); });
  e.add({"GET", "/api/v1/accounts/:id", Access::kPublic, {"read:accounts"}},
        [this](Call& c) { return show(c); });
  e.add({"GET", "/api/v1/accounts/:id/followers", Access::kPublic, {"read:accounts"}},
        [this](Call& c) { return follow_list(c, true); });
  e.add({"GET", "/api/v1/accounts/:id/following", Access::kPublic, {"read:accounts"}},
        [this](Call& c) { return follow_list(c, false); });
  e.add({"POST", "/api/v1/accounts/:id/follow", Access::kUser, {"write:follows"}},
        [this](Call& c) { return relationship_action(c, "follow"); });
  e.add({"POST", "/api/v1/accounts/:id/unfollow", Access::kUser, {"write:follows"}},
        [this](Call& c) { return relationship_action(c, "unfollow"); });
  e.add({"POST", "/api/v1/accounts/:id/block", Access::kUser, {"write:blocks"}},
        [this](Call& c) { return relationship_action(c, "block"); });
  e.add({"POST", "/api/v1/accounts/:id/unblock", Access::kUser, {"write:blocks"}},
        [this](Call& c) { return relationship_action(c, "unblock"); });
  e.add({"POST", "/api/v1/accounts/:id/mute", Access::kUser, {"write:mutes"}},
        [this](Call& c) { return relationship_action(c, "mute"); });
  e.add({"POST", "/api/v1/accounts/:id/unmute", Access::kUser, {"write:mutes"}},
        [this](Call& c) { return relationship_action(c, "unmute"); });
  e.add({"POST", "/api/v1/accounts/:id/pin", Access::kUser, {"write:accounts"}},
        [this](Call& c) { return relationship_action(c, "pin"); });
  e.add({"POST", "/api/v1/accounts/:id/unpin", Access::kUser, {"write:accounts"}},
        [this](Call& c) { return relationship_action(c, "unpin"); });
  e.add({"GET", kV1DomainBlocksPath, Access::kUser, {"read:blocks"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto rows = co_await relationships_.blocked_domains(c.user().account.id,
                                                              page_query(c.params, 100, 200));
          json out = json::array();
          std::vector<std::int64_t> cursors;
          for (const auto& row : rows) {
            out.push_back(row.second);
            cursors.push_back(row.first);
          }
          http::Response res = http::Response::json(200, out);
          add_link_header(res, c.request, config_, cursors);
          co_return res;
        });
  e.add({"POST", kV1DomainBlocksPath, Access::kUser, {"write:blocks"}},
        [this](Call& c) -> awaitable<http::Response> {
          co_await relationships_.block_domain(c.user().account.id,
                                               c.params.string_or("domain", ""));
          co_return http::Response::json_text(200, "{}");
        });
  e.add({"DELETE", kV1DomainBlocksPath, Access::kUser, {"write:blocks"}},
        [this](Call& c) -> awaitable<http::Response> {
          co_await relationships_.unblock_domain(c.user().account.id,
                                                 c.params.string_or("domain", ""));
          co_return http::Response::json_text(200, "{}");
        });
  e.add({"GET", "/api/v1/endorsements", Access::kUser, {"read:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto page = co_await relationships_.endorsements(c.user().account.id,
                                                           page_query(c.params, 40, 80));
          json out = json::array();
          for (const auto& a : page.accounts) out.push_back(account_json(config_, a));
          http::Response res = http::Response::json(200, out);
          add_link_header(res, c.request, config_, page.cursors);
          co_return res;
        });
  e.add({"GET", "/api/v1/follow_requests", Access::kUser, {"read:follows"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto page = co_await relationships_.follow_requests(c.user().account.id,
                                                              page_query(c.params, 40, 80));
          json out = json::array();
          for (const auto& a : page.accounts) out.push_back(account_json(config_, a));
          http::Response res = http::Response::json(200, out);
          add_link_header(res, c.request, config_, page.cursors);
          co_return res;
        });
  e.add({"POST", "/api/v1/follow_requests/:id/authorize", Access::kUser, {"write:follows"}},
        [this](Call& c) { return follow_request_verdict(c, true); });
  e.add({"POST", "/api/v1/follow_requests/:id/reject", Access::kUser, {"write:follows"}},
        [this](Call& c) { return follow_request_verdict(c, false); });
  e.add({"GET", "/api/v1/preferences", Access::kUser, {"read:accounts"}},
        [this](Call& c) { return preferences(c); });
}

awaitable<http::Response> AccountsApi::create(Call& call) {
  if (!call.caller->token.application_id) {
    throw Error(ErrorCode::kForbidden, "This action is not allowed");
  }
  services::RegistrationRequest r;
  r.username = call.params.string_or("username", "");
  r.email = call.params.string_or("email", "");
  r.password = call.params.string_or("password", "");
  r.agreement = call.params.boolean("agreement").value_or(false);
  r.locale = call.params.string("locale");
  r.reason = call.params.string("reason");
  r.invite_code = call.params.string("invite_code");
  r.ip = call.request.remote_address;
  auto created = co_await accounts_.register_account(r);
  auto token =
      co_await auth_.token_for_new_account(*call.caller->token.application_id, created.user.id);
  co_return http::Response::json(
      200, {{"access_token", token.access_token},
            {"token_type", "Bearer"},
            {"scope", token.scopes},
            {"created_at",
             std::chrono::duration_cast<std::chrono::seconds>(token.created_at.time_since_epoch())
                 .count()}});
}

awaitable<http::Response> AccountsApi::verify_credentials(Call& call) {
  auto fresh = co_await accounts_.user(call.user().user.id);
  co_return http::Response::json(200, credential_account_json(config_, fresh));
}

awaitable<http::Response> AccountsApi::update_credentials(Call& call) {
  const auto& p = call.params;
  services::ProfileUpdate u;
  u.display_name = p.string("display_name");
  u.note = p.string("note");
  u.locked = p.boolean("locked");
  u.bot = p.boolean("bot");
  u.discoverable = p.boolean("discoverable");
  u.indexable = p.boolean("indexable");
  u.hide_collections = p.boolean("hide_collections");
  u.hide_counts = p.boolean("hide_counts");
  u.accent_color = p.string("accent_color");
  u.profile_theme = p.string("profile_theme");
  u.fields = fields_param(p);
  const json& source = p.object("source");
  if (source.is_object()) {
    if (source.contains("privacy")) u.privacy = http::json_string(source["privacy"]);
    if (source.contains("sensitive")) u.sensitive = http::json_boolean(source["sensitive"]);
    if (source.contains("language"))
      u.language = http::json_string(source["language"]).value_or("");
  }
  // Pictures first: one that cannot be used refuses the request before the profile changes.
  const std::array<bool, 2> pictures{false, true};  // avatar, header (a named array: GCC 12)
  for (bool header : pictures) {
    if (const auto* file = p.file(header ? "header" : "avatar")) {
      co_await media_.set_profile_image(call.user().account.id, header, file->content.to_string());
    }
  }
  auto updated = co_await accounts_.update_profile(call.user().user.id, u);
  co_return http::Response::json(200, credential_account_json(config_, updated));
}

awaitable<http::Response> AccountsApi::show(Call& call) {
  auto account = co_await accounts_.account(path_id(call.request));
  co_return http::Response::json(200, account_json(config_, account));
}

awaitable<http::Response> AccountsApi::lookup(Call& call) {
  auto acct = call.params.string("acct");
  if (!acct || acct->empty()) throw Error(ErrorCode::kBadRequest, "Missing parameter: acct");
  auto account = co_await accounts_.lookup(*acct);
  co_return http::Response::json(200, account_json(config_, account));
}

awaitable<http::Response> AccountsApi::familiar_followers(Call& call) {
  auto ids = id_params(call.params, "id");
  auto rows = co_await relationships_.familiar_followers(call.user().account.id, ids);
  json out = json::array();
  for (const auto& entry : rows) {
    json accounts = json::array();
    for (const auto& a : entry.second) accounts.push_back(account_json(config_, a));
    out.push_back({{"id", std::to_string(entry.first)}, {"accounts", accounts}});
  }
  co_return http::Response::json(200, out);
}

awaitable<http::Response> AccountsApi::relationships(Call& call) {
  auto ids = id_params(call.params, "id");
  auto rows = co_await relationships_.relationships(call.user().account.id, ids);
  json out = json::array();
  for (const auto& r : rows) out.push_back(relationship_json(r));
  co_return http::Response::json(200, out);
}

awaitable<http::Response> AccountsApi::preferences(Call& call) {
  auto fresh = co_await accounts_.user(call.user().user.id);
  const auto& u = fresh.user;
  co_return http::Response::json(
      200,
      {{"posting:default:visibility", u.default_privacy},
       {"posting:default:sensitive", u.default_sensitive},
       {"posting:default:language", u.default_language ? json(*u.default_language) : json(nullptr)},
       {"reading:expand:media", "default"},
       {"reading:expand:spoilers", false}});
}

awaitable<http::Response> AccountsApi::follow_list(Call& call, bool followers) {
  std::int64_t id = path_id(call.request);
  auto query = page_query(call.params, 40, 80);
  std::optional<std::int64_t> viewer;
  if (call.caller && call.caller->user) viewer = call.caller->user->account.id;
  services::AccountPage page;  // not ?: with co_await: GCC 12 miscompiles it
  if (followers) {
    page = co_await relationships_.followers(id, viewer, query);
  } else {
    page = co_await relationships_.following(id, viewer, query);
  }
  json out = json::array();
  for (const auto& a : page.accounts) out.push_back(account_json(config_, a));
  http::Response res = http::Response::json(200, out);
  add_link_header(res, call.request, config_, page.cursors);
  co_return res;
}

// follow, unfollow, block, unblock, mute, unmute, pin (endorse) and unpin an account.
awaitable<http::Response> AccountsApi::relationship_action(Call& c, std::string_view action) {
  std::int64_t target = path_id(c.request);
  std::int64_t me = c.user().account.id;
  db::RelationshipRow rel;
  if (action == "follow") {
    db::FollowOptions options;
    options.reblogs = c.params.boolean("reblogs").value_or(true);
    options.notify = c.params.boolean("notify").value_or(false);
    auto languages = c.params.list("languages[]");
    for (auto& l : c.params.list("languages")) languages.push_back(l);
    if (c.params.has("languages[]") || c.params.has("languages")) {
      options.languages = languages;
    }
    rel = co_await relationships_.follow(me, target, options);
  } else if (action == "unfollow") {
    rel = co_await relationships_.unfollow(me, target);
  } else if (action == "block") {
    rel = co_await relationships_.block(me, target);
  } else if (action == "unblock") {
    rel = co_await relationships_.unblock(me, target);
  } else if (action == "mute") {
    rel = co_await relationships_.mute(me, target, c.params.boolean("notifications").value_or(true),
                                       c.params.integer("duration").value_or(0));
  } else if (action == "unmute") {
    rel = co_await relationships_.unmute(me, target);
  } else if (action == "pin") {
    rel = co_await relationships_.endorse(me, target);
  } else {
    rel = co_await relationships_.unendorse(me, target);
  }
  co_return http::Response::json(200, relationship_json(rel));
}

awaitable<http::Response> AccountsApi::follow_request_verdict(Call& c, bool authorize) {
  std::int64_t requester = path_id(c.request);
  std::int64_t me = c.user().account.id;
  db::RelationshipRow rel;  // not ?: with co_await: GCC 12 miscompiles it
  if (authorize) {
    rel = co_await relationships_.authorize_request(me, requester);
  } else {
    rel = co_await relationships_.reject_request(me, requester);
  }
  co_return http::Response::json(200, relationship_json(rel));
}

}  // namespace lox::api::mastodon
