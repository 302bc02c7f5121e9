#include "api/mastodon/account_serializer.hpp"

#include <loxodon/api/mastodon/oauth_api.hpp>
#include <loxodon/domain/oauth_paths.hpp>
#include <loxodon/domain/scopes.hpp>
#include <loxodon/services/accounts/oauth_error.hpp>
#include <loxodon/util/error.hpp>

#include <openssl/evp.h>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1AppsPath[] = "/api/v1/apps";

}  // namespace

using nlohmann::json;

namespace {

http::Response oauth_error(const services::OAuthError& e) {
  http::Response res =
      http::Response::json(e.status(), {{"error", e.code()}, {"error_description", e.what()}});
  res.set_header("Cache-Control", "no-store");
  return res;
}

std::string base64_decode(std::string_view in) {
  std::string out((in.size() / 4 + 1) * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(in.data()),
                          static_cast<int>(in.size()));
  if (n < 0) return "";
  std::size_t len = static_cast<std::size_t>(n);
  if (in.size() >= 1 && in.back() == '=') --len;
  if (in.size() >= 2 && in[in.size() - 2] == '=') --len;
  out.resize(len);
  return out;
}

// Client credentials from the body, or from HTTP Basic (RFC 6749 §2.3.1).
void client_credentials(const http::Request& req, const http::Params& params, std::string& id,
                        std::string& secret) {
  id = params.string_or("client_id", "");
  secret = params.string_or("client_secret", "");
  if (auto auth = req.header("Authorization");
      auth && auth->size() > 6 && http::iequals(auth->substr(0, 6), "Basic ")) {
    std::string decoded = base64_decode(auth->substr(6));
    auto colon = decoded.find(':');
    if (colon != std::string::npos) {
      id = http::percent_decode(decoded.substr(0, colon), true);
      secret = http::percent_decode(decoded.substr(colon + 1), true);
    }
  }
}

std::vector<std::string> redirect_uris_param(const http::Params& params) {
  std::vector<std::string> uris;
  const auto& values = params.values();
  auto it = values.find("redirect_uris");
  if (it == values.end()) it = values.find("redirect_uri");
  if (it == values.end()) return uris;
  auto add_lines = [&](const std::string& text) {
    std::size_t pos = 0;
    while (pos <= text.size()) {
      auto end = text.find('\n', pos);
      std::string line = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      while (!line.empty() && line.front() == ' ') line.erase(0, 1);
      if (!line.empty()) uris.push_back(line);
      if (end == std::string::npos) break;
      pos = end + 1;
    }
  };
  if (it->is_array()) {
    for (const auto& v : *it) {
      if (auto s = http::json_string(v)) add_lines(*s);
    }
  } else if (auto s = http::json_string(*it)) {
    add_lines(*s);
  }
  return uris;
}

}  // namespace

OAuthApi::OAuthApi(const config::Config& config, services::AuthService& auth,
                   const services::InstanceSecrets& secrets)
    : config_(config), auth_(auth), secrets_(secrets) {}

void OAuthApi::add_routes(http::Router& router, Endpoints& endpoints) {
  endpoints.add({"POST", kV1AppsPath, Access::kPublic, {}},
                [this](Call& c) { return create_app(c); });
  endpoints.add({"GET", "/api/v1/apps/verify_credentials", Access::kApp, {}},
                [this](Call& c) { return verify_app(c); });
  router.add("POST", domain::kOAuthTokenPath, [this](http::Request& r) { return token(r); });
  router.add("POST", domain::kOAuthRevokePath, [this](http::Request& r) { return revoke(r); });
  router.add("GET", "/.well-known/oauth-authorization-server",
             [this](http::Request&) -> awaitable<http::Response> { co_return metadata(); });
}

awaitable<http::Response> OAuthApi::create_app(Call& call) {
  services::AppRegistration reg;
  reg.name = call.params.string_or("client_name", "");
  reg.redirect_uris = redirect_uris_param(call.params);
  reg.scopes = call.params.string_or("scopes", "read");
  reg.website = call.params.string("website");
  auto registered = co_await auth_.register_app(reg);
  json body = application_json(registered.app, secrets_.vapid_public_key);
  body["client_id"] = registered.app.client_id;
  body["client_secret"] = registered.client_secret;
  body["client_secret_expires_at"] = 0;
  co_return http::Response::json(200, body);
}

awaitable<http::Response> OAuthApi::verify_app(Call& call) {
  if (!call.caller->token.application_id) {
    throw Error(ErrorCode::kUnauthorized, "The access token is invalid");
  }
  auto app = co_await auth_.application(*call.caller->token.application_id);
  json body = application_json(app, secrets_.vapid_public_key);
  co_return http::Response::json(200, body);
}

awaitable<http::Response> OAuthApi::token(http::Request& request) {
  try {
    auto params = http::Params::from_request(request);
    services::TokenRequest r;
    r.grant_type = params.string_or("grant_type", "");
    r.code = params.string_or("code", "");
    r.redirect_uri = params.string_or("redirect_uri", "");
    r.code_verifier = params.string_or("code_verifier", "");
    r.scope = params.string_or("scope", "");
    r.username = params.string_or("username", "");
    r.password = params.string_or("password", "");
    r.ip = request.remote_address;
    client_credentials(request, params, r.client_id, r.client_secret);
    auto issued = co_await auth_.exchange(r);
    http::Response res =
        http::Response::json(200, {{"access_token", issued.access_token},
                                   {"token_type", "Bearer"},
                                   {"scope", issued.scopes},
                                   {"created_at", std::chrono::duration_cast<std::chrono::seconds>(
                                                      issued.created_at.time_since_epoch())
                                                      .count()}});
    res.set_header("Cache-Control", "no-store");
    co_return res;
  } catch (const services::OAuthError& e) {
    co_return oauth_error(e);
  }
}

awaitable<http::Response> OAuthApi::revoke(http::Request& request) {
  try {
    auto params = http::Params::from_request(request);
    std::string id, secret;
    client_credentials(request, params, id, secret);
    std::string token = params.string_or("token", "");
    co_await auth_.revoke(token, id, secret);
    co_return http::Response::json_text(200, "{}");
  } catch (const services::OAuthError& e) {
    co_return oauth_error(e);
  }
}

http::Response OAuthApi::metadata() const {
  const std::string base = config_.base_url();
  return http::Response::json(
      200, {{"issuer", base + "/"},
            {"service_documentation", "https://docs.joinmastodon.org/"},
            {"authorization_endpoint", base + domain::kOAuthAuthorizePath},
            {"token_endpoint", base + domain::kOAuthTokenPath},
            {"app_registration_endpoint", base + kV1AppsPath},
            {"revocation_endpoint", base + domain::kOAuthRevokePath},
            {"scopes_supported", domain::all_scopes()},
            {"response_types_supported", json::array({"code"})},
            {"response_modes_supported", json::array({"query", "fragment", "form_post"})},
            {"code_challenge_methods_supported", json::array({"S256"})},
            {"grant_types_supported",
             config_.oauth_password_grant
                 ? json::array({"authorization_code", "client_credentials", "password"})
                 : json::array({"authorization_code", "client_credentials"})},
            {"token_endpoint_auth_methods_supported",
             json::array({"client_secret_basic", "client_secret_post"})}});
}

}  // namespace lox::api::mastodon
