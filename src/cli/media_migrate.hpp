#pragma once
// `loxodon media migrate --to s3` (cli/media_migrate.cpp).

#include <optional>
#include <string>
#include <vector>

namespace lox::cli {

// Copies every file of the local media directory into the configured S3 bucket, skipping
// those already there with the same size, so a run that was stopped resumes where it was.
// `args` is ["media", "migrate", ...]. Returns the exit code.
int media_migrate(const std::optional<std::string>& config_path,
                  const std::vector<std::string>& args);

}  // namespace lox::cli
