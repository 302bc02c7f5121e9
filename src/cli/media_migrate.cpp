#include "cli/media_migrate.hpp"

#include "cli/logging.hpp"

#include <loxodon/app/media_store_factory.hpp>
#include <loxodon/config/config_error.hpp>
#include <loxodon/config/config_loader.hpp>
#include <loxodon/media/s3_media_store.hpp>
#include <loxodon/util/byte_source.hpp>
#include <loxodon/util/error.hpp>

#include <spdlog/spdlog.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

namespace lox::cli {

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

struct LocalFile {
  std::string key;
  std::filesystem::path path;
  std::uint64_t size = 0;
};

struct Tally {
  std::size_t files = 0;  // looked at so far
  std::size_t copied = 0;
  std::size_t present = 0;  // in the bucket already with the same size
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_copied = 0;
};

double megabytes(std::uint64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

// Every file under `root` whose path is a media key. A store's temporary files (".tmp-" while
// being written) and anything no media service could have made are left out and counted.
std::vector<LocalFile> local_files(const std::filesystem::path& root, std::size_t& skipped) {
  std::vector<LocalFile> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::string key = entry.path().lexically_relative(root).generic_string();
    if (!media::MediaStore::valid_key(key) || key.find(".tmp-") != std::string::npos) {
      ++skipped;
      continue;
    }
    files.push_back({std::move(key), entry.path(), entry.file_size()});
  }
  return files;
}

// One line redrawn in place on a terminal (at most ten times a second and at the end); nothing
// when stderr is a file or a pipe, where the log lines and the summary say what happened.
class ProgressBar {
 public:
  ProgressBar(std::size_t files, std::uint64_t bytes)
      : files_(files), bytes_(bytes), terminal_(isatty(STDERR_FILENO) == 1) {}

  void show(const Tally& t, bool last) {
    if (!terminal_) return;
    auto now = std::chrono::steady_clock::now();
    if (!last && now - drawn_ < std::chrono::milliseconds(100)) return;
    drawn_ = now;
    constexpr int kWidth = 30;
    const double done =
        bytes_ > 0 ? static_cast<double>(t.bytes_done) / static_cast<double>(bytes_)
                   : (files_ > 0 ? static_cast<double>(t.files) / static_cast<double>(files_) : 1);
    const int filled = static_cast<int>(done * kWidth);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(kWidth - filled), '.');
    std::fprintf(stderr, "\r[%s] %3d%%  %zu/%zu files  %.1f/%.1f MB", bar.c_str(),
                 static_cast<int>(done * 100), t.files, files_, megabytes(t.bytes_done),
                 megabytes(bytes_));
    if (last) std::fputc('\n', stderr);
    std::fflush(stderr);
  }

 private:
  std::size_t files_;
  std::uint64_t bytes_;
  bool terminal_;
  std::chrono::steady_clock::time_point drawn_{};
};

// Copies one file unless the bucket has it with the same size (a HEAD first: that is what
// makes a second run resume instead of starting over).
void copy_one(media::S3MediaStore& bucket, const LocalFile& f, Tally& t) {
  auto there = bucket.stat(f.key);
  if (there && there->size == f.size) {
    ++t.present;
    return;
  }
  auto file = FileHandle::open_for_reading(f.path);
  if (!file) throw std::runtime_error("cannot read " + f.path.string());
  bucket.put_from(f.key,
                  ByteSource::whole_file(std::make_shared<const FileHandle>(std::move(*file))));
  ++t.copied;
  t.bytes_copied += f.size;
}

int copy_all(const config::Config& config) {
  auto log = spdlog::get("lox.cli");
  const std::filesystem::path root = config.media_dir;
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) {
    std::cerr << "loxodon media migrate: " << root.string()
              << " (LOXODON_MEDIA_DIR) is not a directory\n";
    return kFailed;
  }
  media::S3MediaStore bucket(app::s3_settings(config));
  std::size_t skipped = 0;
  auto files = local_files(root, skipped);
  std::uint64_t total = 0;
  for (const auto& f : files) total += f.size;
  log->info("copying {} file(s), {:.1f} MB, from {} to bucket {} at {}", files.size(),
            megabytes(total), root.string(), config.s3.bucket, config.s3.endpoint);
  ProgressBar bar(files.size(), total);
  Tally t;
  for (const auto& f : files) {
    try {
      copy_one(bucket, f, t);
    } catch (const std::exception& e) {
      bar.show(t, true);
      const auto* err = dynamic_cast<const Error*>(&e);
      log->error("{} failed: {}{}{}", f.key, e.what(), err && !err->detail().empty() ? ": " : "",
                 err ? err->detail() : "");
      std::cerr << "loxodon media migrate: stopped after " << t.copied
                << " file(s) copied; run it again to resume\n";
      return kFailed;
    }
    ++t.files;
    t.bytes_done += f.size;
    bar.show(t, false);
  }
  bar.show(t, true);
  std::cout << t.copied << " file(s) copied (" << static_cast<int>(megabytes(t.bytes_copied) + 0.5)
            << " MB), " << t.present << " already in the bucket, " << skipped
            << " skipped (not media files)\n";
  return kOk;
}

}  // namespace

int media_migrate(const std::optional<std::string>& config_path,
                  const std::vector<std::string>& args) {
  const bool to_s3 = (args.size() == 4 && args[2] == "--to" && args[3] == "s3") ||
                     (args.size() == 3 && args[2] == "--to=s3");
  if (!to_s3) {
    std::cerr << "loxodon media migrate: usage: media migrate --to s3\n";
    return kUsage;
  }
  config::Config config;
  try {
    config = config::load_config(config_path, config::loxodon_environment(),
                                 config::Requirement::kStorageOnly);
    config::validate_s3(config.s3);
  } catch (const config::ConfigError& e) {
    std::cerr << "loxodon: config error: " << e.what() << "\n";
    return kUsage;
  }
  setup_logging(config.log_level);
  return copy_all(config);
}

}  // namespace lox::cli
