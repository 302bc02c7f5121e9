#include "api/mastodon/funding_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/donations_api.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1AdminDonationPromptsPath[] = "/api/v1/admin/donation_prompts";

}  // namespace

using nlohmann::json;

namespace {

json prompt_json(const domain::DonationPrompt& p) {
  return {{"id", std::to_string(p.id)},
          {"text", p.text},
          {"content", p.content},
          {"starts_at", format_iso8601_ms(p.starts_at)},
          {"ends_at", p.ends_at ? json(format_iso8601_ms(*p.ends_at)) : json(nullptr)},
          {"min_account_age_days", p.min_account_age_days},
          {"repeat_days", p.repeat_days ? json(*p.repeat_days) : json(nullptr)},
          {"created_by", p.created_by},
          {"created_at", format_iso8601_ms(p.created_at)}};
}

}  // namespace

DonationsApi::DonationsApi(const config::Config& config, services::DonationPromptService& prompts,
                           services::ThanksService& thanks)
    : config_(config), prompts_(prompts), thanks_(thanks) {}

void DonationsApi::add_routes(Endpoints& e) {
  e.add({"POST", kV1AdminDonationPromptsPath, Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          services::NewDonationPrompt r;
          r.text = c.params.string("text").value_or("");
          r.starts_at = time_param(c.params, "starts_at", "Starts at");
          r.ends_at = time_param(c.params, "ends_at", "Ends at");
          auto age = c.params.integer("min_account_age_days").value_or(30);
          r.min_account_age_days = age < -1 || age > 100000 ? -1 : static_cast<int>(age);
          if (auto repeat = c.params.integer("repeat_days")) {
            r.repeat_days = *repeat < 0 || *repeat > 100000 ? 0 : static_cast<int>(*repeat);
          }
          auto prompt = co_await prompts_.create(c.user(), std::move(r));
          co_return http::Response::json(200, prompt_json(prompt));
        });
  e.add({"GET", kV1AdminDonationPromptsPath, Access::kUser, {"admin:read"}},
        [this](Call& c) -> awaitable<http::Response> {
          json out = json::array();
          for (const auto& p : co_await prompts_.all(c.user())) out.push_back(prompt_json(p));
          co_return http::Response::json(200, out);
        });
  e.add({"GET", "/api/v1/admin/thanks", Access::kUser, {"admin:read"}},
        [this](Call& c) -> awaitable<http::Response> {
          json out = json::array();
          for (const auto& t : co_await thanks_.all(c.user())) out.push_back(thanks_json(t, true));
          co_return http::Response::json(200, out);
        });
  for (bool hide : {true, false}) {
    e.add({"POST",
           hide ? "/api/v1/admin/thanks/:id/hide" : "/api/v1/admin/thanks/:id/show",
           Access::kUser,
           {"admin:write"}},
          [this, hide](Call& c) -> awaitable<http::Response> {
            co_await thanks_.set_hidden(c.user(), path_id(c.request), hide);
            co_return http::Response::json_text(200, "{}");
          });
  }
  e.add({"POST", "/api/v1/admin/donation_prompts/:id/end", Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          co_await prompts_.end(c.user(), path_id(c.request));
          co_return http::Response::json_text(200, "{}");
        });
}

}  // namespace lox::api::mastodon
