#include "cli/source_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "cli/error_text.h"

namespace hg {

namespace {

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Length of the well-formed UTF-8 sequence starting at text[i], or the length of the maximal
// ill-formed subpart (at least 1) negated.
long sequenceLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  size_t length = 0;
  unsigned char secondLow = 0x80, secondHigh = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) secondLow = 0xA0;   // overlong
    if (lead == 0xED) secondHigh = 0x9F;  // UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) secondLow = 0x90;   // overlong
    if (lead == 0xF4) secondHigh = 0x8F;  // past U+10FFFF
  } else {
    return -1;
  }
  for (size_t k = 1; k < length; ++k) {
    if (i + k >= text.size()) return -static_cast<long>(k);
    const unsigned char b = byte(i + k);
    const unsigned char low = k == 1 ? secondLow : 0x80;
    const unsigned char high = k == 1 ? secondHigh : 0xBF;
    if (b < low || b > high) return -static_cast<long>(k);
  }
  return static_cast<long>(length);
}

}  // namespace

FileBytes readFileBytes(const std::filesystem::path& path, uint64_t maxBytes) {
  FileBytes out;
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  if (fd.get() < 0) {
    out.status = FileBytes::Status::Unreadable;
    out.error = errnoText(errno);
    return out;
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    out.status = FileBytes::Status::Unreadable;
    out.error = errnoText(errno);
    return out;
  }
  if (!S_ISREG(st.st_mode)) {
    out.status = FileBytes::Status::NotRegularFile;
    return out;
  }
  out.size = static_cast<uint64_t>(st.st_size);
  if (out.size > maxBytes) {
    out.status = FileBytes::Status::TooLarge;
    return out;
  }
  out.bytes.reserve(out.size);
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      out.status = FileBytes::Status::Unreadable;
      out.error = errnoText(errno);
      out.bytes.clear();
      return out;
    }
    if (n == 0) break;
    out.bytes.append(buffer, static_cast<size_t>(n));
    if (out.bytes.size() > maxBytes) {  // grew while being read
      out.status = FileBytes::Status::TooLarge;
      out.size = out.bytes.size();
      out.bytes.clear();
      return out;
    }
  }
  return out;
}

size_t findBinaryMarker(std::string_view bytes) {
  return bytes.substr(0, kBinaryProbeBytes).find('\0');
}

bool stripUtf8Bom(std::string& text) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.erase(0, 3);
    return true;
  }
  return false;
}

Utf8Repair repairUtf8(std::string& text) {
  Utf8Repair repair;
  size_t i = 0;
  // Fast path: most files are valid, and then nothing is copied.
  while (i < text.size()) {
    long n = sequenceLength(text, i);
    if (n < 0) break;
    i += static_cast<size_t>(n);
  }
  if (i == text.size()) return repair;

  std::string fixed;
  fixed.reserve(text.size() + 16);
  fixed.append(text, 0, i);
  repair.firstInvalidOffset = i;
  while (i < text.size()) {
    long n = sequenceLength(text, i);
    if (n > 0) {
      fixed.append(text, i, static_cast<size_t>(n));
      i += static_cast<size_t>(n);
    } else {
      fixed.append("\xEF\xBF\xBD");
      ++repair.invalidSequences;
      i += static_cast<size_t>(-n);
    }
  }
  text = std::move(fixed);
  return repair;
}

}  // namespace hg
