// docs/routes.md is the table of every route the server registers (method, path, who may call
// it, scopes, the file that registers it), generated from the routes themselves: this test
// fails when the committed file is stale, and writes it afresh when LOXODON_WRITE_ROUTES_DOC=1.
// It also holds each Mastodon API path to one place: written out in full as a string literal
// once in src/ and include/ (comments may mention it), so searching for a path Mastodon
// documents finds the one line that registers it or names its constant.
#include "app_harness.hpp"
#include "generated_doc.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace lox {
namespace {

using api::mastodon::Access;
using lox::testing::AppHarness;
namespace fs = std::filesystem;

using lox::testing::kSourceDir;
using lox::testing::relative_to_source;

std::string access_name(Access access) {
  switch (access) {
    case Access::kPublic:
      return "anyone";
    case Access::kApp:
      return "app or user token";
    case Access::kUser:
      return "user token";
  }
  return "";
}

bool is_path_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '/' ||
         c == ':';
}

bool is_mastodon_api(const std::string& path) {
  return path.starts_with("/api/") || path.starts_with("/oauth/");
}

std::string routes_markdown(const AppHarness& h) {
  std::map<std::pair<std::string, std::string>, const api::mastodon::EndpointSpec*> specs;
  for (const auto& spec : h.web.endpoint_table()) specs[{spec.method, spec.path}] = &spec;
  auto records = h.web.route_records();
  std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) {
    return std::tie(a.pattern, a.method) < std::tie(b.pattern, b.method);
  });
  std::ostringstream out;
  out << "# Routes\n\n"
         "Every route the server registers, generated from the routes themselves by\n"
         "`tests/integration/routes_doc_test.cpp`; do not edit it by hand. After changing routes,\n"
         "write it again with `LOXODON_WRITE_ROUTES_DOC=1 scripts/test -R RoutesDoc`.\n\n"
         "Who may call: Mastodon API routes check the token as Mastodon does (\"anyone\" still\n"
         "refuses an invalid token); a token needs any one of the scopes listed. Routes marked\n"
         "\"the route\" check what they need themselves: ActivityPub signatures, provider webhook\n"
         "signatures, the session cookie of the HTML pages.\n\n"
         "| Method | Path | Who may call | Scopes | Registered in |\n"
         "|---|---|---|---|---|\n";
  for (const auto& r : records) {
    auto spec = specs.find({r.method, r.pattern});
    std::string who = "the route";
    std::string scopes;
    if (spec != specs.end()) {
      who = access_name(spec->second->access);
      for (const auto& s : spec->second->scopes) scopes += (scopes.empty() ? "" : ", ") + s;
    }
    out << "| " << r.method << " | `" << r.pattern << "` | " << who << " | " << scopes << " | `"
        << relative_to_source(r.source_file) << "` |\n";
  }
  return out.str();
}

TEST(RoutesDoc, TheCommittedTableIsTheRegisteredRoutes) {
  AppHarness h;
  const std::string generated = routes_markdown(h);
  lox::testing::expect_committed_doc("routes.md", generated, "LOXODON_WRITE_ROUTES_DOC",
                                     "LOXODON_WRITE_ROUTES_DOC=1 scripts/test -R RoutesDoc");
}

TEST(RoutesDoc, EachMastodonPathIsWrittenOutOnceInTheSources) {
  AppHarness h;
  std::set<std::string> paths;
  for (const auto& r : h.web.route_records()) {
    if (is_mastodon_api(r.pattern)) paths.insert(r.pattern);
  }
  ASSERT_GT(paths.size(), 100u);
  std::map<std::string, std::vector<std::string>> places;  // path -> file:line
  std::vector<fs::path> files;
  for (const char* tree : {"src", "include"}) {
    for (const auto& entry : fs::recursive_directory_iterator(kSourceDir / tree)) {
      const auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".cpp" || ext == ".hpp")) files.push_back(entry);
    }
  }
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      // Every string literal on the line that is a whole path ("/api/…" or "/oauth/…"); a
      // path in a comment or inside quoted HTML (\"/api/…\") is not a place it is defined.
      for (std::size_t at = line.find("\"/"); at != std::string::npos;
           at = line.find("\"/", at + 1)) {
        if (at > 0 && line[at - 1] == '\\') continue;
        std::size_t end = at + 1;
        while (end < line.size() && is_path_char(line[end])) ++end;
        if (end >= line.size() || line[end] != '"') continue;
        std::string token = line.substr(at + 1, end - at - 1);
        if (paths.contains(token)) {
          places[token].push_back(relative_to_source(file.string()) + ":" + std::to_string(number));
        }
      }
    }
  }
  for (const auto& path : paths) {
    const auto& found = places[path];
    std::string where;
    for (const auto& p : found) where += " " + p;
    EXPECT_EQ(found.size(), 1u) << path << " is written at" << (where.empty() ? " no line" : where);
  }
}

}  // namespace
}  // namespace lox
