// docs/jobs.md is the catalogue of every job kind the server runs (name, queue, what it does,
// the file that declares it), generated from the registered handlers: this test fails when the
// committed file is stale, and writes it afresh when LOXODON_WRITE_JOBS_DOC=1. It also holds
// every kind to the catalogue: registered through a typed JobKind, and no job filled by hand
// outside the jobs module.
#include "app_harness.hpp"
#include "generated_doc.hpp"

#include <loxodon/app/job_handlers.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace lox {
namespace {

using lox::testing::AppHarness;
namespace fs = std::filesystem;

using lox::testing::kSourceDir;
using lox::testing::relative_to_source;

std::string jobs_markdown(const std::vector<jobs::JobCatalogueEntry>& catalogue) {
  std::ostringstream out;
  out << "# Jobs\n\n"
         "Every kind of durable job the server runs, generated from the registered handlers by\n"
         "`tests/integration/jobs_doc_test.cpp`; do not edit it by hand. After adding or changing\n"
         "a kind, write it again with `LOXODON_WRITE_JOBS_DOC=1 scripts/test -R JobsDoc`.\n\n"
         "Each kind is declared once, with its payload type and its enqueue function, in the\n"
         "file named here; `src/app/job_handlers.cpp` registers its handler. How workers claim,\n"
         "lease and retry jobs is in architecture.md (Jobs).\n\n"
         "| Kind | Queue | What it does | Declared in |\n"
         "|---|---|---|---|\n";
  for (const auto& entry : catalogue) {
    out << "| `" << entry.name << "` | " << entry.queue << " | " << entry.summary << " | `"
        << relative_to_source(entry.file) << "` |\n";
  }
  return out.str();
}

class JobsDoc : public ::testing::Test {
 protected:
  AppHarness h_;
  asio::io_context io_;
  jobs::Runtime runtime_{h_.db, io_.get_executor(), jobs::RuntimeOptions{}};
  void SetUp() override { app::register_job_handlers(runtime_, h_.services); }
};

TEST_F(JobsDoc, TheCommittedCatalogueIsTheRegisteredKinds) {
  const auto catalogue = runtime_.catalogue();
  ASSERT_GE(catalogue.size(), 15u);
  for (const auto& entry : catalogue) {
    EXPECT_FALSE(entry.summary.empty()) << entry.name << " says nothing of what it does";
    EXPECT_TRUE(relative_to_source(entry.file).starts_with("include/loxodon/"))
        << entry.name << " is declared in " << entry.file << ", not in a public header";
  }
  const std::string generated = jobs_markdown(catalogue);
  lox::testing::expect_committed_doc("jobs.md", generated, "LOXODON_WRITE_JOBS_DOC",
                                     "LOXODON_WRITE_JOBS_DOC=1 scripts/test -R JobsDoc");
}

TEST_F(JobsDoc, EveryKindIsRegisteredThroughItsTypedDeclaration) {
  std::vector<std::string> catalogued;
  for (const auto& entry : runtime_.catalogue()) catalogued.push_back(entry.name);
  EXPECT_EQ(runtime_.kinds(), catalogued);
}

TEST_F(JobsDoc, NoJobIsFilledByHandOutsideTheJobsModule) {
  std::vector<std::string> places;
  for (const char* tree : {"src", "include"}) {
    for (const auto& entry : fs::recursive_directory_iterator(kSourceDir / tree)) {
      const auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
      const auto relative = relative_to_source(entry.path().string());
      // The queue API and the row it writes are the only places a job is assembled field by
      // field.
      if (relative.starts_with("src/jobs/") || relative.starts_with("include/loxodon/jobs/") ||
          relative.starts_with("src/db/") || relative.starts_with("include/loxodon/db/")) {
        continue;
      }
      std::ifstream in(entry.path());
      std::string line;
      for (int number = 1; std::getline(in, line); ++number) {
        if (line.find("NewJob") != std::string::npos) {
          places.push_back(relative + ":" + std::to_string(number));
        }
      }
    }
  }
  std::string where;
  for (const auto& p : places) where += "\n  " + p;
  EXPECT_TRUE(places.empty()) << "jobs enqueued without their JobKind:" << where;
}

}  // namespace
}  // namespace lox
