#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/pagination.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/timelines/timelines_module.hpp>

namespace lox::api::mastodon {

namespace {

// any[], all[] and none[] come as repeated "key[]" or a plain "key".
std::vector<std::string> tag_names(const http::Params& params, const std::string& key) {
  auto out = params.list(key + "[]");
  for (auto& v : params.list(key)) out.push_back(v);
  return out;
}

}  // namespace

// Public posts with a hashtag, and with any, all or none of more hashtags.
awaitable<http::Response> TimelinesModule::tag(Call& call) {
  domain::TagTimelineFilter filter;
  filter.tag = std::string(call.request.path_param("hashtag").value_or(""));
  filter.any = tag_names(call.params, "any");
  filter.all = tag_names(call.params, "all");
  filter.none = tag_names(call.params, "none");
  filter.local_only = call.params.boolean("local").value_or(false);
  filter.only_media = call.params.boolean("only_media").value_or(false);
  auto page =
      co_await timelines_.tag_timeline(viewer_of(call), filter, page_request(call.params, 20, 40));
  co_return status_page_response(call.request, config_, page);
}

}  // namespace lox::api::mastodon
