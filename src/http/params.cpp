#include <loxodon/http/params.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/json_limits.hpp>

#include <algorithm>
#include <cctype>

namespace lox::http {

namespace {

// "a[b][0][c]" -> {"a", "b", "0", "c"}; "ids[]" -> {"ids", ""}.
std::vector<std::string> key_path(std::string_view key) {
  std::vector<std::string> parts;
  auto bracket = key.find('[');
  parts.emplace_back(key.substr(0, bracket));
  while (bracket != std::string_view::npos) {
    auto close = key.find(']', bracket);
    if (close == std::string_view::npos) {
      // Malformed: keep the rest literally as part of the last name.
      parts.back() += std::string(key.substr(bracket));
      break;
    }
    parts.emplace_back(key.substr(bracket + 1, close - bracket - 1));
    bracket = key.find('[', close);
    if (bracket != close + 1) break;
  }
  return parts;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value of a parameter like boundary="..." in a header value.
std::string header_parameter(std::string_view header, std::string_view name) {
  std::string h = lower(header);
  std::string needle = lower(name) + "=";
  std::size_t pos = 0;
  while ((pos = h.find(needle, pos)) != std::string::npos) {
    if (pos == 0 || h[pos - 1] == ';' || h[pos - 1] == ' ') break;
    pos += needle.size();
  }
  if (pos == std::string::npos) return "";
  pos += needle.size();
  std::string_view rest = header.substr(pos);
  if (!rest.empty() && rest.front() == '"') {
    auto end = rest.find('"', 1);
    return std::string(rest.substr(1, end == std::string_view::npos ? rest.npos : end - 1));
  }
  auto end = rest.find(';');
  std::string value(rest.substr(0, end));
  while (!value.empty() && value.back() == ' ') value.pop_back();
  return value;
}

[[noreturn]] void malformed_multipart() {
  throw Error(ErrorCode::kBadRequest, "Malformed multipart body");
}

// A part's headers may not run on without end: the search for their end is bounded.
constexpr std::size_t kMaxPartHead = 16 * 1024;

struct PartHead {
  std::string name, filename, content_type;
  bool has_filename = false;
};

PartHead read_part_head(const std::string& head) {
  PartHead h;
  std::size_t line_start = 0;
  while (line_start <= head.size()) {
    auto line_end = head.find("\r\n", line_start);
    std::string_view line = std::string_view(head).substr(
        line_start, line_end == std::string::npos ? std::string::npos : line_end - line_start);
    auto colon = line.find(':');
    if (colon != std::string_view::npos) {
      std::string header_name = lower(line.substr(0, colon));
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      if (header_name == "content-disposition") {
        h.name = header_parameter(value, "name");
        h.has_filename = lower(value).find("filename=") != std::string::npos;
        h.filename = header_parameter(value, "filename");
      } else if (header_name == "content-type") {
        h.content_type = std::string(value);
      }
    }
    if (line_end == std::string::npos) break;
    line_start = line_end + 2;
  }
  return h;
}

// Parts without a field name are ignored.
void add_part(Params& params, std::vector<UploadedFile>& files, PartHead h, ByteSource data) {
  if (h.name.empty()) return;
  // A part is a file when it says so with a filename or declares a non-text type: megalodon
  // sends uploads without a filename as application/octet-stream.
  bool is_file = h.has_filename ||
                 (!h.content_type.empty() && !lower(h.content_type).starts_with("text/plain"));
  if (is_file) {
    files.push_back(
        {std::move(h.name), std::move(h.filename), std::move(h.content_type), std::move(data)});
  } else {
    if (data.size() > Params::kMaxTextPartBytes) {
      throw Error(ErrorCode::kPayloadTooLarge, "A form field is too large");
    }
    params.set(h.name, data.to_string());
  }
}

void parse_multipart(Params& params, std::vector<UploadedFile>& files, const ByteSource& body,
                     const std::string& boundary) {
  if (boundary.empty() || boundary.size() > 200) {
    throw Error(ErrorCode::kBadRequest, "Malformed multipart body: no boundary");
  }
  const std::string delimiter = "--" + boundary;
  const std::string next_delimiter = "\r\n" + delimiter;
  std::uint64_t pos = body.find(delimiter);
  if (pos == ByteSource::npos) malformed_multipart();
  while (true) {
    pos += delimiter.size();
    std::string after = body.read(pos, 2);
    if (after == "--") return;  // closing delimiter
    if (after != "\r\n") malformed_multipart();
    pos += 2;
    ByteSource head_area = body.slice(pos, kMaxPartHead);
    std::uint64_t head_length = head_area.find("\r\n\r\n");
    if (head_length == ByteSource::npos) malformed_multipart();
    std::string head = body.read(pos, static_cast<std::size_t>(head_length));
    std::uint64_t data_start = pos + head_length + 4;
    std::uint64_t next = body.find(next_delimiter, data_start);
    if (next == ByteSource::npos) malformed_multipart();
    ByteSource data = body.slice(data_start, next - data_start);

    add_part(params, files, read_part_head(head), std::move(data));
    pos = next + 2;
  }
}

}  // namespace

std::optional<std::string> json_string(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) return v.dump();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return std::nullopt;
}

std::optional<bool> json_boolean(const nlohmann::json& v) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number_integer()) return v.get<long long>() != 0;
  if (v.is_string()) {
    std::string s = lower(v.get<std::string>());
    if (s == "true" || s == "1" || s == "on" || s == "yes") return true;
    if (s == "false" || s == "0" || s == "off" || s == "no" || s.empty()) return false;
  }
  return std::nullopt;
}

namespace {
// Whether `node` already holds a value at path[from..] (array steps never count as held).
bool has_path(const nlohmann::json& node, const std::vector<std::string>& path, std::size_t from) {
  const nlohmann::json* at = &node;
  for (std::size_t i = from; i < path.size(); ++i) {
    if (path[i].empty() || !at->is_object()) return path[i].empty() && at->is_array();
    auto it = at->find(path[i]);
    if (it == at->end()) return false;
    at = &*it;
  }
  return true;
}
}  // namespace

void Params::set(std::string_view key, nlohmann::json value) {
  auto path = key_path(key);
  if (path.empty() || path[0].empty()) return;
  // As Rack does: deep nesting is refused before it is built (copies of nested values recurse).
  constexpr std::size_t kMaxDepth = 32;
  if (path.size() > kMaxDepth)
    throw Error(ErrorCode::kBadRequest, "Parameters are nested too deeply");
  nlohmann::json* node = &values_;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const std::string& part = path[i];
    bool last = i + 1 == path.size();
    if (part.empty()) {  // "[]": append to an array
      if (!node->is_array()) *node = nlohmann::json::array();
      if (last) {
        node->push_back(std::move(value));
        return;
      }
      // As Rack does: a[][x]=1&a[][y]=2 is one element {x,y}; a repeated key starts the next.
      if (node->empty() || !node->back().is_object() || has_path(node->back(), path, i + 1)) {
        node->push_back(nlohmann::json::object());
      }
      node = &node->back();
      continue;
    }
    if (!node->is_object()) *node = nlohmann::json::object();
    if (last) {
      (*node)[part] = std::move(value);
      return;
    }
    node = &(*node)[part];
  }
}

Params Params::from_request(const Request& request) {
  Params params;
  for (const auto& [k, v] : request.query) params.set(k, v);
  std::string content_type = lower(request.header("Content-Type").value_or(""));
  const bool spooled = !request.spooled_body.empty();
  if (content_type.starts_with("multipart/form-data")) {
    if (spooled || !request.body.empty()) {
      parse_multipart(params, params.files_,
                      spooled ? request.spooled_body : ByteSource(request.body),
                      header_parameter(request.header("Content-Type").value_or(""), "boundary"));
    }
    return params;
  }
  // Only files may be large: any other spooled body is read into memory when it is small.
  if (spooled && request.spooled_body.size() > kMaxSpooledTextBody) {
    throw Error(ErrorCode::kPayloadTooLarge, "Request body too large");
  }
  const std::string spooled_text = spooled ? request.spooled_body.to_string() : std::string();
  const std::string& body = spooled ? spooled_text : request.body;
  if (body.empty()) return params;
  if (content_type.starts_with("application/json") || content_type.ends_with("+json")) {
    auto doc = parse_json_limited(body);
    if (!doc.is_object()) throw Error(ErrorCode::kBadRequest, "Request body must be a JSON object");
    for (auto& [k, v] : doc.items()) params.values_[k] = v;
  } else {
    for (const auto& [k, v] : parse_query_string(body)) params.set(k, v);
  }
  return params;
}

const UploadedFile* Params::file(std::string_view field) const {
  for (const auto& f : files_) {
    if (f.field == field) return &f;
  }
  return nullptr;
}

bool Params::has(std::string_view key) const { return values_.contains(std::string(key)); }

std::optional<std::string> Params::string(std::string_view key) const {
  auto it = values_.find(std::string(key));
  if (it == values_.end()) return std::nullopt;
  return json_string(*it);
}

std::string Params::string_or(std::string_view key, std::string fallback) const {
  return string(key).value_or(std::move(fallback));
}

std::optional<bool> Params::boolean(std::string_view key) const {
  auto it = values_.find(std::string(key));
  if (it == values_.end()) return std::nullopt;
  return json_boolean(*it);
}

std::optional<long long> Params::integer(std::string_view key) const {
  auto s = string(key);
  if (!s || s->empty()) return std::nullopt;
  try {
    std::size_t used = 0;
    long long v = std::stoll(*s, &used);
    if (used != s->size()) return std::nullopt;
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::vector<std::string> Params::list(std::string_view key) const {
  std::vector<std::string> out;
  auto it = values_.find(std::string(key));
  if (it == values_.end()) return out;
  if (it->is_array()) {
    for (const auto& v : *it) {
      if (auto s = json_string(v)) out.push_back(*s);
    }
  } else if (it->is_object()) {
    for (const auto& [k, v] : it->items()) {
      if (auto s = json_string(v)) out.push_back(*s);
    }
  } else if (auto s = json_string(*it)) {
    out.push_back(*s);
  }
  return out;
}

const nlohmann::json& Params::object(std::string_view key) const {
  static const nlohmann::json kNull;
  auto it = values_.find(std::string(key));
  if (it == values_.end() || !it->is_object()) return kNull;
  return *it;
}

}  // namespace lox::http
