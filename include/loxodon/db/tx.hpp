#pragma once

namespace lox::db {

// One open database transaction on a pooled connection. Opaque outside `db`: services hand it to
// repository functions, which are the only code that sees SQL. A Tx lives only inside a closure
// passed to Database::tx()/run() and must not be kept beyond it.
class Tx;

}  // namespace lox::db
