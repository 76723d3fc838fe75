#include "lsp/stdio_transport.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace hg::lsp {

size_t FdByteSource::read(char* buffer, size_t size) {
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, size);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno != EINTR) return 0;  // an unreadable input ends the session like a closed one
  }
}

bool FdByteSource::ready() {
  pollfd descriptor{fd_, POLLIN, 0};
  return ::poll(&descriptor, 1, 0) > 0;
}

void FdMessageSink::send(const Json& message) {
  if (broken_) return;
  const std::string framed = frameMessage(message);
  size_t written = 0;
  while (written < framed.size()) {
    const ssize_t n = ::write(fd_, framed.data() + written, framed.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      broken_ = true;
      return;
    }
    written += static_cast<size_t>(n);
  }
}

}  // namespace hg::lsp
