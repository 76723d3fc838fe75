// The LSP base protocol: JSON-RPC 2.0 messages, each framed as "Content-Length: N\r\n\r\n"
// followed by N bytes of UTF-8 JSON. The reader never trusts the peer: header lines and bodies
// have size caps, and a malformed frame becomes a rejection the server answers, not a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace hg::lsp {

using Json = nlohmann::json;

// JSON-RPC 2.0 and LSP error codes.
enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
};

// Where framed bytes come from (standard input, or a string in tests).
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `size` bytes, waiting for at least one; 0 means end of input.
  virtual size_t read(char* buffer, size_t size) = 0;
  // True when read() would return without waiting.
  virtual bool ready() = 0;
};

// Where framed messages go (standard output, or a list in tests).
class MessageSink {
 public:
  virtual ~MessageSink() = default;
  virtual void send(const Json& message) = 0;
};

struct FramingLimits {
  size_t maxBodyBytes = 64ull * 1024 * 1024;  // an editor buffer of the largest scannable file, escaped
  size_t maxHeaderBytes = 8192;               // all header lines of one message together
};

struct IncomingMessage {
  enum class Kind : uint8_t { Body, Rejected, EndOfInput };
  Kind kind = Kind::EndOfInput;
  std::string body;     // Kind::Body: the JSON text, not yet parsed
  std::string problem;  // Kind::Rejected: why, lower case, for the error response
};

class MessageReader {
 public:
  explicit MessageReader(ByteSource& source, FramingLimits limits = {});

  // The next framed message. A rejected frame has been consumed whole (an oversized body is
  // skipped without being stored), so the following message is read normally.
  IncomingMessage next();

  // Whether more input is waiting right now: the server uses it to analyze once after a burst
  // of edits instead of once per keystroke.
  bool pending();

 private:
  enum class LineStatus : uint8_t { Line, TooLong, EndOfInput };
  bool fill();
  LineStatus readLine(std::string& line, size_t budget);
  bool readBody(size_t length, std::string& body);
  bool skipBytes(uint64_t length);

  ByteSource& source_;
  FramingLimits limits_;
  std::string buffer_;
  size_t position_ = 0;  // first unread byte of buffer_
};

// The framed bytes of one message: header, blank line, compact JSON body.
std::string frameMessage(const Json& message);

}  // namespace hg::lsp
