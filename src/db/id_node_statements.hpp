#pragma once
// Prepared statements for id node leases (id_node_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kIdNodeStatements = {
    // Leasers queue on one advisory lock (its own statement, taken first in the transaction),
    // so two processes starting at once cannot pick the same free node.
    Statement{"id_node_lock", "SELECT pg_advisory_xact_lock(hashtext('loxodon_id_nodes'))"},
    // The lowest node that is free or whose lease has run out; $1 the holder, $2 seconds.
    Statement{"id_node_lease",
              "INSERT INTO id_nodes AS n (node, holder, leased_until) "
              "SELECT free.node, $1, now() + make_interval(secs => $2) "
              "FROM generate_series(1, 63) AS free(node) "
              "WHERE NOT EXISTS (SELECT 1 FROM id_nodes t "
              "                  WHERE t.node = free.node AND t.leased_until > now()) "
              "ORDER BY free.node LIMIT 1 "
              "ON CONFLICT (node) DO UPDATE SET holder = EXCLUDED.holder, "
              "  leased_until = EXCLUDED.leased_until "
              "RETURNING node"},
    // Only while the lease still holds: once it has run out the node may have a new holder.
    Statement{"id_node_renew",
              "UPDATE id_nodes SET leased_until = now() + make_interval(secs => $3) "
              "WHERE node = $1 AND holder = $2 AND leased_until > now() RETURNING node"},
    Statement{"id_node_release", "DELETE FROM id_nodes WHERE node = $1 AND holder = $2"},
};

}  // namespace lox::db::sql
