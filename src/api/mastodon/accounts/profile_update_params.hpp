#pragma once

#include <loxodon/http/params.hpp>
#include <loxodon/services/accounts/account_service.hpp>

namespace lox::api::mastodon {

// The profile changes an update_credentials request asks for (form or JSON); fields left out
// are not changed. Profile fields come as an array or as an indexed form object
// ("fields_attributes[0][name]"); anything else is a 422.
services::ProfileUpdate profile_update_from(const http::Params& params);

}  // namespace lox::api::mastodon
