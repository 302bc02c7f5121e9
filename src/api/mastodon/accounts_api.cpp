#include "api/mastodon/account_serializer.hpp"

#include <loxodon/api/mastodon/accounts_api.hpp>
#include <loxodon/util/error.hpp>

#include <charconv>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {

std::int64_t id_param(const http::Request& request) {
  auto raw = request.path_param("id").value_or("");
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), id);
  if (ec != std::errc{} || ptr != raw.data() + raw.size()) {
    throw Error(ErrorCode::kNotFound, "Record not found");
  }
  return id;
}

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
                         services::AuthService& auth)
    : config_(config), accounts_(accounts), auth_(auth) {}

void AccountsApi::add_routes(Endpoints& e) {
  e.add({"POST", "/api/v1/accounts", Access::kApp, {"write:accounts"}},
        [this](Call& c) { return create(c); });
  e.add({"GET", "/api/v1/accounts/verify_credentials", Access::kUser, {"read:accounts", "profile"}},
        [this](Call& c) { return verify_credentials(c); });
  e.add({"PATCH", "/api/v1/accounts/update_credentials", Access::kUser, {"write:accounts"}},
        [this](Call& c) { return update_credentials(c); });
  e.add({"GET", "/api/v1/accounts/lookup", Access::kPublic, {"read:accounts"}},
        [this](Call& c) { return lookup(c); });
  e.add({"GET", "/api/v1/accounts/relationships", Access::kUser, {"read:follows"}},
        [this](Call& c) { return relationships(c); });
  e.add({"GET", "/api/v1/accounts/:id", Access::kPublic, {"read:accounts"}},
        [this](Call& c) { return show(c); });
  // Lists that stay empty until posting and following exist (issue-sized features of their own).
  for (const char* path : {"/api/v1/accounts/:id/statuses", "/api/v1/accounts/:id/followers",
                           "/api/v1/accounts/:id/following"}) {
    e.add({"GET",
           path,
           Access::kPublic,
           {std::string(path).ends_with("statuses") ? "read:statuses" : "read:accounts"}},
          [this](Call& c) { return empty_list_of_account(c); });
  }
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
  u.fields = fields_param(p);
  const json& source = p.object("source");
  if (source.is_object()) {
    if (source.contains("privacy")) u.privacy = http::json_string(source["privacy"]);
    if (source.contains("sensitive")) u.sensitive = http::json_boolean(source["sensitive"]);
    if (source.contains("language"))
      u.language = http::json_string(source["language"]).value_or("");
  }
  auto updated = co_await accounts_.update_profile(call.user().user.id, u);
  co_return http::Response::json(200, credential_account_json(config_, updated));
}

awaitable<http::Response> AccountsApi::show(Call& call) {
  auto account = co_await accounts_.account(id_param(call.request));
  co_return http::Response::json(200, account_json(config_, account));
}

awaitable<http::Response> AccountsApi::lookup(Call& call) {
  auto acct = call.params.string("acct");
  if (!acct || acct->empty()) throw Error(ErrorCode::kBadRequest, "Missing parameter: acct");
  auto account = co_await accounts_.lookup(*acct);
  co_return http::Response::json(200, account_json(config_, account));
}

awaitable<http::Response> AccountsApi::relationships(Call& call) {
  json out = json::array();
  std::vector<std::string> ids = call.params.list("id");
  if (ids.empty()) ids = call.params.list("id[]");
  for (const auto& raw : ids) {
    std::int64_t id = 0;
    auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), id);
    if (ec != std::errc{} || ptr != raw.data() + raw.size()) continue;
    try {
      co_await accounts_.account(id);
      out.push_back(empty_relationship_json(id));
    } catch (const Error& e) {
      if (e.code() != ErrorCode::kNotFound) throw;
    }
  }
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

awaitable<http::Response> AccountsApi::empty_list_of_account(Call& call) {
  co_await accounts_.account(id_param(call.request));  // 404 for unknown accounts
  co_return http::Response::json_text(200, "[]");
}

}  // namespace lox::api::mastodon
