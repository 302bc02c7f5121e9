// Fuzzes request parameter parsing (http::Params::from_request): every client request body of
// the Mastodon API goes through it before authentication is even looked at, as a form,
// multipart/form-data (uploads, profile edits) or JSON.
//
// Input: the first byte chooses the body's type, the rest is the body:
//   0  multipart/form-data with a fixed boundary ("XyZ", as the unit tests use)
//   1  multipart/form-data whose Content-Type line is the input up to the first '\n' (so the
//      boundary parameter's parsing is fuzzed too), the body after it
//   2  application/x-www-form-urlencoded, the same text also as the query string (merged first)
//   3  application/json
//   4  multipart/form-data with the fixed boundary, spooled to an unnamed file as the server
//      does for uploads (parts are found by scanning the file a block at a time)
// Only lox::Error (400/413, documented) may escape; then every accessor runs on what came out.
#include <loxodon/http/params.hpp>
#include <loxodon/http/request.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/file_handle.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace {

namespace http = lox::http;

http::Request make_request(std::uint8_t mode, std::string_view rest) {
  http::Request r;
  r.method = "POST";
  r.target = "/api/v1/statuses";
  r.path = r.target;
  switch (mode % 5) {
    case 0:
      r.headers = {{"Content-Type", "multipart/form-data; boundary=XyZ"}};
      r.body = std::string(rest);
      break;
    case 1: {
      const auto line = rest.find('\n');
      r.headers = {{"Content-Type", std::string(rest.substr(0, line))}};
      if (line != std::string_view::npos) r.body = std::string(rest.substr(line + 1));
      break;
    }
    case 2:
      r.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
      r.query = http::parse_query_string(rest);
      r.body = std::string(rest);
      break;
    case 3:
      r.headers = {{"Content-Type", "application/json"}};
      r.body = std::string(rest);
      break;
    default: {
      r.headers = {{"Content-Type", "multipart/form-data; boundary=XyZ"}};
      auto file = std::make_shared<lox::FileHandle>(
          lox::FileHandle::anonymous_in(std::filesystem::temp_directory_path()));
      file->append(rest);
      r.spooled_body = lox::ByteSource::whole_file(std::move(file));
      break;
    }
  }
  return r;
}

// What handlers do with parameters: every accessor on every top-level key.
void use(const http::Params& params) {
  for (const auto& [key, value] : params.values().items()) {
    (void)value;
    (void)params.has(key);
    (void)params.string(key);
    (void)params.string_or(key, "");
    (void)params.boolean(key);
    (void)params.integer(key);
    (void)params.list(key);
    const nlohmann::json& object = params.object(key);
    if (object.is_object()) {
      for (const auto& [inner_key, inner] : object.items()) {
        (void)inner_key;
        (void)http::json_string(inner);
        (void)http::json_boolean(inner);
      }
    }
  }
  for (const auto& file : params.files()) {
    if (params.file(file.field) == nullptr) std::abort();  // a file is found by its field
    if (file.content.to_string().size() != file.content.size()) std::abort();  // within the body
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const http::Request request = make_request(data[0], rest);
  try {
    use(http::Params::from_request(request));
  } catch (const lox::Error&) {
    // A body that does not parse: 400 (or 413), documented.
  }
  return 0;
}
