#include <loxodon/http/request.hpp>
#include <loxodon/http/router.hpp>

#include <stdexcept>

namespace lox::http {

struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> param;
  std::string param_name;
  std::map<std::string, Route, std::less<>> routes;  // by method
};

namespace {
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '/') {
      ++start;
      continue;
    }
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    segments.push_back(path.substr(start, end - start));
    start = end;
  }
  return segments;
}
}  // namespace

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::add(const std::string& method, std::string_view pattern, Handler handler,
                 RouteOptions options, std::source_location where) {
  Node* node = root_.get();
  for (std::string_view segment : split_path(pattern)) {
    if (segment.starts_with(':')) {
      std::string name(segment.substr(1));
      if (!node->param) {
        node->param = std::make_unique<Node>();
        node->param_name = name;
      } else if (node->param_name != name) {
        throw std::logic_error("conflicting parameter names at " + std::string(pattern));
      }
      node = node->param.get();
    } else {
      auto& child = node->literals[std::string(segment)];
      if (!child) child = std::make_unique<Node>();
      node = child.get();
    }
  }
  if (!node->routes.emplace(method, Route{std::move(handler), options, std::string(pattern)})
           .second) {
    throw std::logic_error("duplicate route " + method + " " + std::string(pattern));
  }
  records_.push_back({method, std::string(pattern), where.file_name()});
}

namespace {
// Depth-first: a literal segment is tried before a parameter, and a dead end falls back.
const Router::Node* find_node(const Router::Node* node,
                              const std::vector<std::string_view>& segments, std::size_t i,
                              std::vector<std::pair<std::string, std::string>>& params);
}  // namespace

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  RouteMatch result;
  // Segments are split on the raw path and decoded one by one ("a%2Fb" stays one segment).
  std::vector<std::string> decoded;
  for (std::string_view raw : split_path(path)) decoded.push_back(percent_decode(raw, false));
  std::vector<std::string_view> segments(decoded.begin(), decoded.end());
  const Node* node = find_node(root_.get(), segments, 0, result.params);
  if (node == nullptr) {
    result.params.clear();
    return result;
  }
  auto route = node->routes.find(method);
  if (route == node->routes.end() && method == "HEAD") route = node->routes.find("GET");
  for (const auto& [m, r] : node->routes) result.allowed_methods.push_back(m);
  if (route == node->routes.end()) {
    result.kind = RouteMatch::Kind::kMethodNotAllowed;
    return result;
  }
  result.kind = RouteMatch::Kind::kFound;
  result.route = &route->second;
  return result;
}

namespace {
const Router::Node* find_node(const Router::Node* node,
                              const std::vector<std::string_view>& segments, std::size_t i,
                              std::vector<std::pair<std::string, std::string>>& params) {
  if (i == segments.size()) return node->routes.empty() ? nullptr : node;
  auto lit = node->literals.find(segments[i]);
  if (lit != node->literals.end()) {
    if (const auto* found = find_node(lit->second.get(), segments, i + 1, params)) return found;
  }
  if (node->param) {
    params.emplace_back(node->param_name, std::string(segments[i]));
    if (const auto* found = find_node(node->param.get(), segments, i + 1, params)) return found;
    params.pop_back();
  }
  return nullptr;
}
}  // namespace

}  // namespace lox::http
