#pragma once

#include <loxodon/http/params.hpp>
#include <loxodon/services/statuses/status_service.hpp>

namespace lox::api::mastodon {

// The post a request describes (form or JSON, as Mastodon's clients send it): the text and its
// options, the poll with its options as an array or an indexed form object. Malformed numbers
// are left for the service to refuse; an in_reply_to_id that is not a number is a 404, as
// Mastodon answers for an unknown status.
services::PostRequest post_request_from(const http::Params& params);

// The fields an edit may change.
services::PostRequest edit_request_from(const http::Params& params);

}  // namespace lox::api::mastodon
