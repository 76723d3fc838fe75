// The server's transport: the client's messages on a file descriptor (standard input), ours on
// another (standard output), which then carries nothing else.
#pragma once

#include "lsp/json_rpc.h"

namespace hg::lsp {

class FdByteSource : public ByteSource {
 public:
  explicit FdByteSource(int fd) : fd_(fd) {}
  size_t read(char* buffer, size_t size) override;
  bool ready() override;

 private:
  int fd_;
};

class FdMessageSink : public MessageSink {
 public:
  explicit FdMessageSink(int fd) : fd_(fd) {}
  // A client that went away leaves nobody to tell: once a write fails, later ones are dropped
  // and the server ends at the end of its input.
  void send(const Json& message) override;

 private:
  int fd_;
  bool broken_ = false;
};

}  // namespace hg::lsp
