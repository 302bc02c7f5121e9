#pragma once

namespace lox::domain {

// The OAuth endpoints' paths: registered by the API (token, revoke) and the sign-in pages
// (authorize), and advertised in the authorization server's metadata document.
inline constexpr char kOAuthAuthorizePath[] = "/oauth/authorize";
inline constexpr char kOAuthTokenPath[] = "/oauth/token";
inline constexpr char kOAuthRevokePath[] = "/oauth/revoke";

}  // namespace lox::domain
