#pragma once
// SQL fragments about ledger entries, shared by the statements that need them.

// What later entries reversed of entry `id` (a column expression), less what was undone of
// those reversals (a won dispute's correction): reversals nest one level at most.
#define LOX_NET_REVERSED(id)                                                                 \
  "(SELECT coalesce(sum(r.amount_minor - (SELECT coalesce(sum(rr.amount_minor), 0) FROM "    \
  "ledger_entries rr WHERE rr.reverses_entry_id = r.id)), 0)::bigint FROM ledger_entries r " \
  "WHERE r.reverses_entry_id = " id ")"
