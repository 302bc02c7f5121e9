#include <loxodon/api/mastodon/donations/donations_module.hpp>

namespace lox::api::mastodon {

namespace {
// Paths registered for more than one method, written out once.
constexpr char kV1AdminDonationPromptsPath[] = "/api/v1/admin/donation_prompts";
}  // namespace

DonationsModule::DonationsModule(services::DonationPromptService& prompts,
                                 services::ThanksService& thanks)
    : prompts_(prompts), thanks_(thanks) {}

void DonationsModule::add_routes(Endpoints& e) {
  e.add({"POST", kV1AdminDonationPromptsPath, Access::kUser, {"admin:write"}},
        [this](Call& c) { return create_prompt(c); });
  e.add({"GET", kV1AdminDonationPromptsPath, Access::kUser, {"admin:read"}},
        [this](Call& c) { return list_prompts(c); });
  e.add({"GET", "/api/v1/admin/thanks", Access::kUser, {"admin:read"}},
        [this](Call& c) { return list_thanks(c); });
  e.add({"POST", "/api/v1/admin/thanks/:id/hide", Access::kUser, {"admin:write"}},
        [this](Call& c) { return hide_thanks(c); });
  e.add({"POST", "/api/v1/admin/thanks/:id/show", Access::kUser, {"admin:write"}},
        [this](Call& c) { return show_thanks(c); });
  e.add({"POST", "/api/v1/admin/donation_prompts/:id/end", Access::kUser, {"admin:write"}},
        [this](Call& c) { return end_prompt(c); });
}

}  // namespace lox::api::mastodon
