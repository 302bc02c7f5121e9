#include <loxodon/db/secret_repository.hpp>
#include <loxodon/services/instance/instance_secrets.hpp>
#include <loxodon/util/crypto.hpp>

namespace lox::services {

InstanceSecrets InstanceSecrets::load_or_create(db::Tx& tx) {
  {
    using Repo = db::SecretRepository;
    InstanceSecrets s;
    s.session_secret = Repo::get_or_insert(tx, "session_secret", random_hex(32));
    if (!Repo::get(tx, "vapid_public_key")) {
      VapidKeys vapid = generate_vapid_keys();
      Repo::get_or_insert(tx, "vapid_private_key", vapid.private_pem);
      Repo::get_or_insert(tx, "vapid_public_key", vapid.public_key);
    }
    s.vapid_private_key_pem = *Repo::get(tx, "vapid_private_key");
    s.vapid_public_key = *Repo::get(tx, "vapid_public_key");
    if (!Repo::get(tx, "instance_actor_public_key")) {
      PemKeyPair keys = generate_rsa_key_pair(2048);
      Repo::get_or_insert(tx, "instance_actor_private_key", keys.private_pem);
      Repo::get_or_insert(tx, "instance_actor_public_key", keys.public_pem);
    }
    s.actor_private_key_pem = *Repo::get(tx, "instance_actor_private_key");
    s.actor_public_key_pem = *Repo::get(tx, "instance_actor_public_key");
    return s;
  }
}

}  // namespace lox::services
