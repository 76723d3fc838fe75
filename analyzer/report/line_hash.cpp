#include "report/line_hash.h"

#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <unordered_map>

#include "report/utf8.h"

namespace hg {
namespace {

constexpr size_t kWindow = 100;
constexpr uint64_t kBase = 37;
constexpr uint32_t kEndOfFile = 0xFFFF;

// kBase^kWindow in 64-bit wrapping arithmetic: the weight of the character leaving the window.
constexpr uint64_t leavingWeight() {
  uint64_t w = 1;
  for (size_t i = 0; i < kWindow; ++i) w *= kBase;
  return w;
}

std::string toHex(uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string s;
  do {
    s.insert(s.begin(), digits[v & 0xF]);
    v >>= 4;
  } while (v != 0);
  return s;
}

class RollingLineHasher {
 public:
  void feed(uint32_t c) {
    // The upload drops blanks and the "\n" of a "\r\n"; a blank between "\r" and "\n" ends the
    // "\r\n" pairing, so "\r \n" is two line breaks (kept as the upload has it).
    if (c == ' ' || c == '\t' || (previousWasCr_ && c == '\n')) {
      previousWasCr_ = false;
      return;
    }
    previousWasCr_ = c == '\r';
    if (c == '\r') c = '\n';
    if (lineStartingAt_[index_] != 0) emit();
    if (atLineStart_) {
      atLineStart_ = false;
      lineStartingAt_[index_] = ++lineCount_;
    }
    if (c == '\n') atLineStart_ = true;
    push(c);
  }

  std::vector<std::string> finish() {
    feed(kEndOfFile);
    for (size_t i = 0; i < kWindow; ++i) {
      if (lineStartingAt_[index_] != 0) emit();
      push(0);
    }
    return std::move(hashes_);
  }

 private:
  void push(uint32_t c) {
    uint32_t leaving = window_[index_];
    window_[index_] = c;
    hash_ = kBase * hash_ + c - leavingWeight() * leaving;
    index_ = (index_ + 1) % kWindow;
  }

  // The window now holds the kWindow characters that started at the line beginning in this
  // slot: its hash is that line's.
  void emit() {
    uint32_t line = lineStartingAt_[index_];
    uint32_t occurrence = ++occurrences_[hash_];
    if (hashes_.size() <= line) hashes_.resize(line + 1);
    hashes_[line] = toHex(hash_) + ":" + std::to_string(occurrence);
    lineStartingAt_[index_] = 0;
  }

  std::array<uint32_t, kWindow> window_{};
  std::array<uint32_t, kWindow> lineStartingAt_{};  // 0 = no line starts at this slot
  uint64_t hash_ = 0;
  size_t index_ = 0;
  uint32_t lineCount_ = 0;
  bool atLineStart_ = true;
  bool previousWasCr_ = false;
  std::unordered_map<uint64_t, uint32_t> occurrences_;
  std::vector<std::string> hashes_{std::string()};
};

}  // namespace

std::vector<std::string> lineHashesUtf16(std::u16string_view text) {
  RollingLineHasher hasher;
  for (char16_t unit : text) hasher.feed(unit);
  return hasher.finish();
}

std::optional<std::vector<std::string>> lineHashes(std::string_view fileBytes) {
  if (!isValidUtf8(fileBytes)) return std::nullopt;
  if (fileBytes.find("\xEF\xBF\xBD") != std::string_view::npos) return std::nullopt;
  return lineHashesUtf16(utf8ToUtf16(fileBytes));
}

std::optional<std::vector<std::string>> lineHashes(const SourceFile& file) {
  if (file.absolutePath.empty()) return lineHashes(file.text);
  std::ifstream in(file.absolutePath, std::ios::binary);
  if (!in) return std::nullopt;
  std::string disk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  static constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  std::string_view body = disk;
  if (body.starts_with(kByteOrderMark)) body.remove_prefix(kByteOrderMark.size());
  if (body != file.text) return std::nullopt;
  return lineHashes(disk);
}

}  // namespace hg
