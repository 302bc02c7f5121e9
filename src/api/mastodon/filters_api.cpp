#include "api/mastodon/filter_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/filters_api.hpp>
#include <loxodon/util/error.hpp>

#include <charconv>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1FiltersPath[] = "/api/v1/filters";
constexpr char kV1FiltersIdPath[] = "/api/v1/filters/:id";
constexpr char kV2FiltersPath[] = "/api/v2/filters";
constexpr char kV2FiltersIdPath[] = "/api/v2/filters/:id";
constexpr char kV2FiltersIdKeywordsPath[] = "/api/v2/filters/:id/keywords";
constexpr char kV2FiltersIdStatusesPath[] = "/api/v2/filters/:id/statuses";
constexpr char kV2FiltersKeywordsIdPath[] = "/api/v2/filters/keywords/:id";
constexpr char kV2FiltersStatusesIdPath[] = "/api/v2/filters/statuses/:id";

}  // namespace

using nlohmann::json;

namespace {

std::optional<std::int64_t> json_id(const json& v) {
  auto text = http::json_string(v);
  std::int64_t id = 0;
  if (!text || text->empty()) return std::nullopt;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
  if (ec != std::errc{} || ptr != text->data() + text->size())
    throw Error(ErrorCode::kNotFound, "Record not found");
  return id;
}

// context[] (or context) as a list; absent means "not given".
std::optional<std::vector<std::string>> contexts_of(const http::Params& p) {
  if (!p.has("context") && !p.has("context[]")) return std::nullopt;
  std::vector<std::string> out = p.list("context");
  for (auto& c : p.list("context[]")) out.push_back(c);
  return out;
}

// expires_in: seconds from now; empty or null means never; anything else is refused by the
// service (as a non-positive number).
void read_expiry(const http::Params& p, services::FilterInput& in) {
  if (!p.has("expires_in")) return;
  in.expires_given = true;
  auto raw = p.string("expires_in");
  if (!raw || raw->empty()) return;
  std::int64_t seconds = 0;
  auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), seconds);
  in.expires_in = ec == std::errc{} && ptr == raw->data() + raw->size() ? seconds : -1;
}

services::FilterKeywordInput keyword_input(const json& o) {
  services::FilterKeywordInput k;
  if (!o.is_object()) return k;
  if (o.contains("id")) k.id = json_id(o["id"]);
  if (o.contains("keyword")) k.keyword = http::json_string(o["keyword"]);
  if (o.contains("whole_word")) k.whole_word = http::json_boolean(o["whole_word"]);
  if (o.contains("_destroy")) k.destroy = http::json_boolean(o["_destroy"]).value_or(false);
  return k;
}

services::FilterInput filter_input(const http::Params& p) {
  services::FilterInput in;
  in.title = p.string("title");
  in.contexts = contexts_of(p);
  in.action = p.string("filter_action");
  read_expiry(p, in);
  const json& attributes = p.values().contains("keywords_attributes")
                               ? p.values()["keywords_attributes"]
                               : p.object("keywords_attributes[]");
  if (attributes.is_array() || attributes.is_object()) {  // [] or {"0": {...}}
    for (const auto& item : attributes) in.keywords.push_back(keyword_input(item));
  }
  return in;
}

services::FilterKeywordInput single_keyword(const http::Params& p, const char* key) {
  services::FilterKeywordInput k;
  k.keyword = p.string(key);
  k.whole_word = p.boolean("whole_word");
  return k;
}

// v1: phrase, context[], irreversible (hide), whole_word, expires_in.
services::FilterInput v1_input(const http::Params& p) {
  services::FilterInput in;
  in.contexts = contexts_of(p);
  if (auto irreversible = p.boolean("irreversible")) in.action = *irreversible ? "hide" : "warn";
  read_expiry(p, in);
  return in;
}

}  // namespace

FiltersApi::FiltersApi(services::FilterService& filters) : filters_(filters) {}

void FiltersApi::add_routes(Endpoints& e) {
  const std::vector<std::string> read{"read:filters"}, write{"write:filters"};
  e.add({"GET", kV2FiltersPath, Access::kUser, read}, [this](Call& c) -> awaitable<http::Response> {
    json out = json::array();
    for (const auto& f : co_await filters_.list(c.user().account.id))
      out.push_back(filter_json(f, true));
    co_return http::Response::json(200, out);
  });
  e.add({"POST", kV2FiltersPath, Access::kUser, write},
        [this](Call& c) -> awaitable<http::Response> {
          auto f = co_await filters_.create(c.user().account.id, filter_input(c.params));
          co_return http::Response::json(200, filter_json(f, true));
        });
  e.add({"GET", kV2FiltersIdPath, Access::kUser, read},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_return http::Response::json(
              200, filter_json(co_await filters_.get(c.user().account.id, id), true));
        });
  e.add({"PUT", kV2FiltersIdPath, Access::kUser, write},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto f = co_await filters_.update(c.user().account.id, id, filter_input(c.params));
          co_return http::Response::json(200, filter_json(f, true));
        });
  e.add({"DELETE", kV2FiltersIdPath, Access::kUser, write},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_await filters_.remove(c.user().account.id, id);
          co_return http::Response::json_text(200, "{}");
        });

  e.add({"GET", kV2FiltersIdKeywordsPath, Access::kUser, read},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          json out = json::array();
          for (const auto& k : (co_await filters_.get(c.user().account.id, id)).keywords)
            out.push_back(filter_keyword_json(k));
          co_return http::Response::json(200, out);
        });
  e.add({"POST", kV2FiltersIdKeywordsPath, Access::kUser, write},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto k = co_await filters_.add_keyword(c.user().account.id, id,
                                                 single_keyword(c.params, "keyword"));
          co_return http::Response::json(200, filter_keyword_json(k));
        });
  e.add({"GET", kV2FiltersKeywordsIdPath, Access::kUser, read},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_return http::Response::json(
              200, filter_keyword_json(co_await filters_.keyword(c.user().account.id, id)));
        });
  e.add({"PUT", kV2FiltersKeywordsIdPath, Access::kUser, write},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto k = co_await filters_.update_keyword(c.user().account.id, id,
                                                    single_keyword(c.params, "keyword"));
          co_return http::Response::json(200, filter_keyword_json(k));
        });
  e.add({"DELETE", kV2FiltersKeywordsIdPath, Access::kUser, write},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_await filters_.remove_keyword(c.user().account.id, id);
          co_return http::Response::json_text(200, "{}");
        });

  e.add({"GET", kV2FiltersIdStatusesPath, Access::kUser, read},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          json out = json::array();
          for (const auto& s : (co_await filters_.get(c.user().account.id, id)).statuses)
            out.push_back(filter_status_json(s));
          co_return http::Response::json(200, out);
        });
  e.add({"POST", kV2FiltersIdStatusesPath, Access::kUser, write},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto status_id =
              c.params.has("status_id") ? json_id(c.params.values()["status_id"]) : std::nullopt;
          if (!status_id) throw Error(ErrorCode::kNotFound, "Record not found");
          auto s = co_await filters_.add_status(c.user().account.id, id, *status_id);
          co_return http::Response::json(200, filter_status_json(s));
        });
  e.add({"GET", kV2FiltersStatusesIdPath, Access::kUser, read},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_return http::Response::json(
              200, filter_status_json(co_await filters_.status(c.user().account.id, id)));
        });
  e.add({"DELETE", kV2FiltersStatusesIdPath, Access::kUser, write},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_await filters_.remove_status(c.user().account.id, id);
          co_return http::Response::json_text(200, "{}");
        });
  add_v1_routes(e);
}

void FiltersApi::add_v1_routes(Endpoints& e) {
  const std::vector<std::string> read{"read:filters"}, write{"write:filters"};
  e.add({"GET", kV1FiltersPath, Access::kUser, read}, [this](Call& c) -> awaitable<http::Response> {
    json out = json::array();
    for (const auto& v : co_await filters_.list_v1(c.user().account.id))
      out.push_back(filter_v1_json(v.filter, v.keyword));
    co_return http::Response::json(200, out);
  });
  e.add({"POST", kV1FiltersPath, Access::kUser, write},
        [this](Call& c) -> awaitable<http::Response> {
          auto v = co_await filters_.create_v1(c.user().account.id, v1_input(c.params),
                                               single_keyword(c.params, "phrase"));
          co_return http::Response::json(200, filter_v1_json(v.filter, v.keyword));
        });
  e.add({"GET", kV1FiltersIdPath, Access::kUser, read},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto v = co_await filters_.get_v1(c.user().account.id, id);
          co_return http::Response::json(200, filter_v1_json(v.filter, v.keyword));
        });
  e.add({"PUT", kV1FiltersIdPath, Access::kUser, write},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto v = co_await filters_.update_v1(c.user().account.id, id, v1_input(c.params),
                                               single_keyword(c.params, "phrase"));
          co_return http::Response::json(200, filter_v1_json(v.filter, v.keyword));
        });
  e.add({"DELETE", kV1FiltersIdPath, Access::kUser, write},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_await filters_.remove_v1(c.user().account.id, id);
          co_return http::Response::json_text(200, "{}");
        });
}

}  // namespace lox::api::mastodon
