#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/account.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lox::activitypub {

// The Content-Type of every ActivityPub document we serve (Mastodon's).
inline constexpr const char* kActivityJson = "application/activity+json; charset=utf-8";

// Whether an Accept header asks for ActivityPub JSON (activity+json, or ld+json with or
// without the ActivityStreams profile) rather than a page.
bool accepts_activity_json(std::string_view accept);

// A local account as an ActivityPub actor (Mastodon's ActorSerializer): Person (Service for
// bots), its collections, shared inbox, public key, PropertyValue fields, avatar and header.
// A suspended account is served as Mastodon serves one: no profile, `suspended: true`.
nlohmann::json person_document(const config::Config& config, const domain::Account& account,
                               const std::string& public_key_pem);

// Update(Person) carrying the whole current actor document, as Mastodon sends a profile change.
nlohmann::json update_person_activity(const config::Config& config, const domain::Account& account,
                                      const std::string& public_key_pem);
// The account's own Delete (object = the actor), sent when it is deleted.
nlohmann::json delete_actor_activity(const config::Config& config, const domain::Account& account);

// Accept or Reject (`kind`) of `follow` (the Follow activity, or its id/actor/object) by the
// local `actor`; `row` makes the id unique.
nlohmann::json follow_answer_activity(const std::string& actor, const std::string& kind,
                                      std::int64_t row, nlohmann::json follow);

// The instance actor (Application at /actor) that signs the server's own fetches.
nlohmann::json instance_actor_document(const config::Config& config,
                                       const std::string& public_key_pem);
// The username the instance actor answers to in WebFinger (the domain, as Mastodon did).
std::string instance_actor_username(const config::Config& config);

// What a WebFinger `resource` names on this server.
struct WebfingerUser {
  std::string username;
};
struct WebfingerInstance {};
struct WebfingerForeign {};  // another server's, or nothing we know how to read
using WebfingerTarget = std::variant<WebfingerUser, WebfingerInstance, WebfingerForeign>;

// acct:alice@domain, alice@domain, the actor URL (/users/alice), the profile page (/@alice),
// the bare domain or base URL (the instance actor). Usernames are not checked here.
WebfingerTarget parse_webfinger_resource(const config::Config& config, std::string_view resource);

nlohmann::json webfinger_document(const config::Config& config, const domain::Account& account);
nlohmann::json instance_webfinger_document(const config::Config& config);

// The instance's payment links as FEP-0ea0 Links (`{"type": "Link", "name", "href", "rel":
// "payment"}`), from `funding.payment_links`; entries that are not http(s) URLs are left out.
nlohmann::json payment_links(const config::Config& config);
// The same kind of links for a person: each profile field whose value is an http(s) URL and
// whose name says it is for paying them ("Donate", "Tip jar", "Support me", "Ko-fi"...) or
// whose URL is on a platform made for it (Liberapay, Ko-fi, Patreon, Open Collective, PayPal.me,
// Buy Me a Coffee, GitHub Sponsors). They go beside the PropertyValue fields in `attachment`.
nlohmann::json profile_payment_links(const std::vector<domain::ProfileField>& fields);

}  // namespace lox::activitypub
