#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/account.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

struct NewLocalAccount {
  std::int64_t account_id = 0;
  std::int64_t user_id = 0;
  std::string username;
  std::string email;
  std::string password_hash;
  std::string role = "user";
  std::optional<std::string> locale;
  bool confirmed = false;
  std::optional<std::string> confirmation_token_hash;
  bool approved = true;
  std::optional<std::string> reason;
  std::optional<std::string> sign_up_ip;
  std::optional<std::int64_t> invite_id;
  bool agreement = false;
  std::string uri;
  std::string url;
  std::string public_key_pem;
  std::string private_key_pem;
};

struct ProfileRow {
  std::string display_name;
  std::string note;
  std::string note_html;
  std::string fields_json;
  bool locked = false;
  bool bot = false;
  std::optional<bool> discoverable;
  bool indexable = false;
  bool hide_collections = false;
  bool hide_counts = false;
};

// A remote account already stored: its id and when it was last fetched (Unix milliseconds).
struct RemoteAccountRef {
  std::int64_t id = 0;
  std::optional<std::int64_t> fetched_at_ms;
};

// What a local account signs with.
struct SigningKey {
  std::string username;
  std::string private_key_pem;
};

class AccountRepository {
 public:
  static void insert_local(Tx& tx, const NewLocalAccount& account);
  // The look of a profile page as its owner set it (nothing when never set).
  static std::optional<domain::ProfileLook> profile_look(Tx& tx, std::int64_t account_id);
  static void set_profile_look(Tx& tx, std::int64_t account_id, const domain::ProfileLook& look);
  static std::optional<domain::Account> find(Tx& tx, std::int64_t id);
  // What a remote actor document says, ready to store.
  struct RemoteActorRow {
    std::string username;
    std::string domain;
    std::string display_name;
    std::string note_html;  // sanitised
    std::string uri;
    std::optional<std::string> url;
    bool locked = false;
    bool bot = false;
    bool discoverable = false;
    bool indexable = false;
    std::string public_key_pem;
    std::string inbox_url;
    std::optional<std::string> shared_inbox_url, outbox_url, followers_url, following_url;
    std::string actor_type;
    std::string fields_json = "[]";           // [{"name": plain text, "value": sanitised HTML}]
    std::string also_known_as_json = "[]";    // the actor ids it says it also is
    std::optional<std::string> moved_to_uri;  // movedTo
  };
  // The actor ids a remote account lists in alsoKnownAs.
  static std::vector<std::string> also_known_as(Tx& tx, std::int64_t id);
  static void set_moved_to(Tx& tx, std::int64_t id, std::int64_t target);
  // The stored remote account for this actor id or handle: its id and when it was fetched.
  static std::optional<RemoteAccountRef> remote_account(Tx& tx, const std::string& uri,
                                                        const std::string& username,
                                                        const std::string& domain);
  // Inserts or updates a remote account (`id` is used when it is new); returns its id.
  static std::int64_t upsert_remote(Tx& tx, std::int64_t new_id, const RemoteActorRow& row);
  // Removes a remote account (and by cascade its statuses and relations); false if unknown.
  static bool delete_remote(Tx& tx, const std::string& uri);
  // A local account's username and private key, to sign what it sends.
  static std::optional<SigningKey> signing_key(Tx& tx, std::int64_t id);
  struct Inboxes {
    std::string inbox;
    std::string shared_inbox;  // empty when it has none
    std::string uri;
  };
  static std::optional<Inboxes> inboxes(Tx& tx, std::int64_t id);
  static std::optional<domain::Account> find_by_uri(Tx& tx, const std::string& uri);
  // The account's ActivityPub public key (SubjectPublicKeyInfo PEM); empty when it has none.
  static std::string public_key_pem(Tx& tx, std::int64_t id);
  static std::optional<domain::Account> find_by_acct(Tx& tx, const std::string& username,
                                                     const std::optional<std::string>& domain);
  static std::optional<domain::UserWithAccount> user(Tx& tx, std::int64_t user_id);
  static std::optional<domain::UserWithAccount> user_by_account(Tx& tx, std::int64_t account_id);
  static std::optional<domain::UserWithAccount> user_by_login(Tx& tx, const std::string& login);
  // The same user without per-account counts (statuses_count is 0): for the token check that
  // runs on every request.
  static std::optional<domain::UserWithAccount> user_light(Tx& tx, std::int64_t user_id);
  static std::optional<domain::UserWithAccount> user_by_email(Tx& tx, const std::string& email);
  static std::optional<domain::UserWithAccount> user_by_confirmation_token(Tx& tx,
                                                                           const std::string& hash);
  static std::optional<domain::UserWithAccount> user_by_reset_token(Tx& tx,
                                                                    const std::string& hash);
  static bool username_taken(Tx& tx, const std::string& username);
  static bool email_taken(Tx& tx, const std::string& email);
  static bool role_exists(Tx& tx, const std::string& role);
  static bool admin_exists(Tx& tx);
  static void update_profile(Tx& tx, std::int64_t account_id, const ProfileRow& profile);
  static void update_preferences(Tx& tx, std::int64_t user_id, const std::string& privacy,
                                 bool sensitive, const std::optional<std::string>& language);
  static void set_password(Tx& tx, std::int64_t user_id, const std::string& hash);
  static void set_email(Tx& tx, std::int64_t user_id, const std::string& email);
  static void confirm(Tx& tx, std::int64_t user_id);
  // Confirms through a link: also moves a pending new address into place.
  static void confirm_by_link(Tx& tx, std::int64_t user_id);
  static void set_unconfirmed_email(Tx& tx, std::int64_t user_id, const std::string& email,
                                    const std::string& token_hash);
  static void set_confirmation_token(Tx& tx, std::int64_t user_id, const std::string& hash);
  // False when a reset message went out less than five minutes ago (nothing is changed).
  static bool set_reset_token(Tx& tx, std::int64_t user_id, const std::string& hash);
  static void set_approved(Tx& tx, std::int64_t user_id, bool approved);
  static void set_role(Tx& tx, std::int64_t user_id, const std::string& role);
  static void set_suspended(Tx& tx, std::int64_t account_id, bool suspended);
  static void signed_in(Tx& tx, std::int64_t user_id);
  static void touch_active(Tx& tx, std::int64_t account_id);
  // Deletes the sign-in side; the account stays as an empty suspended row so its name and URI
  // are never handed to someone else.
  static void remove(Tx& tx, std::int64_t account_id);
  static std::int64_t signups_from_ip(Tx& tx, const std::string& ip, std::int64_t window_seconds);
};

}  // namespace lox::db
