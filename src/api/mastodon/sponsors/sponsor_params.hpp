#pragma once

#include <loxodon/http/params.hpp>
#include <loxodon/services/funding/sponsor_service.hpp>

namespace lox::api::mastodon {

// A sponsor (kind: sponsor, partnership or event) as it is sent, its logo an uploaded file.
services::NewSponsor new_sponsor(const http::Params& params);

// A placement: where (surface, community), what (headline, body, link, creative), how often
// (weight, 0 to 1000) and when.
services::NewPlacement new_placement(const http::Params& params);

// An offer for members of plan_ids[] (none: any membership): title, description, code and when
// it runs.
services::NewOffer new_offer(const http::Params& params);

}  // namespace lox::api::mastodon
