#pragma once

#include <loxodon/http/params.hpp>
#include <loxodon/services/statuses/statuses_cleanup_service.hpp>

namespace lox::api::mastodon {

// The policy changes a PUT asks for (form or JSON); fields left out are not changed. A value that
// is given but is not a boolean or a number is refused (422 naming every such field), not
// ignored.
services::StatusesCleanupUpdate cleanup_update_from(const http::Params& params);

}  // namespace lox::api::mastodon
