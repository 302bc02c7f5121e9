#include <loxodon/util/byte_source.hpp>

#include <algorithm>
#include <stdexcept>

namespace lox {

namespace {
constexpr std::size_t kScanBlock = 256 * 1024;
}

ByteSource::ByteSource(std::string bytes)
    : memory_(std::make_shared<const std::string>(std::move(bytes))), length_(memory_->size()) {}

ByteSource::ByteSource(std::shared_ptr<const FileHandle> file, std::uint64_t offset,
                       std::uint64_t length)
    : file_(std::move(file)), offset_(offset), length_(length) {}

ByteSource ByteSource::whole_file(std::shared_ptr<const FileHandle> file) {
  std::uint64_t size = file->size();
  return ByteSource(std::move(file), 0, size);
}

std::string ByteSource::read(std::uint64_t offset, std::size_t length) const {
  if (offset >= length_) return {};
  std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(length, length_ - offset));
  if (memory_) return memory_->substr(static_cast<std::size_t>(offset_ + offset), n);
  if (file_) return file_->read_at(offset_ + offset, n);
  return {};
}

std::string ByteSource::to_string() const { return read(0, static_cast<std::size_t>(length_)); }

ByteSource ByteSource::slice(std::uint64_t offset, std::uint64_t length) const {
  ByteSource part = *this;
  offset = std::min(offset, length_);
  part.offset_ = offset_ + offset;
  part.length_ = std::min(length, length_ - offset);
  return part;
}

std::uint64_t ByteSource::find(std::string_view needle, std::uint64_t from) const {
  if (needle.empty() || needle.size() > 4096) throw std::invalid_argument("needle size");
  if (from >= length_ || length_ - from < needle.size()) return npos;
  if (memory_) {
    std::string_view all(*memory_);
    all = all.substr(static_cast<std::size_t>(offset_), static_cast<std::size_t>(length_));
    auto at = all.find(needle, static_cast<std::size_t>(from));
    return at == std::string_view::npos ? npos : at;
  }
  // Blocks overlap by one byte less than the needle, so a match across a seam is seen.
  std::uint64_t at = from;
  while (at < length_ && length_ - at >= needle.size()) {
    std::string block = read(at, kScanBlock + needle.size() - 1);
    auto hit = std::string_view(block).find(needle);
    if (hit != std::string_view::npos) return at + hit;
    at += kScanBlock;
  }
  return npos;
}

void ByteSource::for_each_chunk(std::size_t chunk,
                                const std::function<void(std::string_view)>& sink) const {
  if (memory_) {
    std::string_view all(*memory_);
    all = all.substr(static_cast<std::size_t>(offset_), static_cast<std::size_t>(length_));
    for (std::size_t at = 0; at < all.size(); at += chunk) sink(all.substr(at, chunk));
    return;
  }
  for (std::uint64_t at = 0; at < length_; at += chunk) {
    std::string block = read(at, chunk);
    if (block.empty()) throw std::runtime_error("a spooled file is shorter than recorded");
    sink(block);
  }
}

}  // namespace lox
