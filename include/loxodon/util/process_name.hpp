#pragma once

#include <cstddef>
#include <string>

namespace lox {

// "host:pid:random" naming this start of this process among the instance's processes, for what
// it holds in the shared database (job leases, its id node). The random part tells a restarted
// process that got the same pid apart from its predecessor.
std::string process_name(std::size_t random_bytes);

}  // namespace lox
