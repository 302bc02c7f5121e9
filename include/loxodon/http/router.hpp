#pragma once

#include <loxodon/http/handler.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <source_location>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lox::http {

struct RouteOptions {
  // Overrides the server-wide body limit for this route (media uploads need more, most need less).
  std::optional<std::size_t> max_body_bytes;
  // The access log leaves out the client's address: pages that show or count sponsored
  // placements promise that no address is kept for them, not even in a log.
  bool anonymous_log = false;
  // Checks a request's head before a body larger than ServerOptions::unauthenticated_body_bytes
  // is read (throws lox::Error to refuse it): nobody without a valid token can make the server
  // take in a 100 MB upload.
  std::function<awaitable<void>(Request&)> before_large_body = {};
  // Uploads: a body larger than ServerOptions::unauthenticated_body_bytes is written to an
  // unnamed file in ServerOptions::spool_directory as it arrives and handed over as
  // Request::spooled_body, so a slow 100 MB upload holds disk, not memory.
  bool spool_large_body = false;
};

struct Route {
  Handler handler;
  RouteOptions options;
  std::string pattern;  // as registered: the route's name in metrics
};

// What a route is and where it was registered, for docs/routes.md and its checks.
struct RouteRecord {
  std::string method;
  std::string pattern;
  std::string source_file;  // as the compiler named it
};

struct RouteMatch {
  enum class Kind { kFound, kNotFound, kMethodNotAllowed };
  Kind kind = Kind::kNotFound;
  const Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<std::string> allowed_methods;  // for 405 and OPTIONS
};

// Matches method + path against patterns such as "/api/v1/things/:id". Literal segments win
// over parameters; a trailing slash is ignored; HEAD uses the GET route.
class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  void add(const std::string& method, std::string_view pattern, Handler handler,
           RouteOptions options = {}, std::source_location where = std::source_location::current());
  RouteMatch match(std::string_view method, std::string_view path) const;
  // Every route in the order it was added.
  const std::vector<RouteRecord>& records() const { return records_; }

 public:
  struct Node;  // one path segment of the route tree

 private:
  std::unique_ptr<Node> root_;
  std::vector<RouteRecord> records_;
};

}  // namespace lox::http
