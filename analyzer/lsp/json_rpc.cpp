#include "lsp/json_rpc.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

namespace hg::lsp {

namespace {

constexpr size_t kReadChunk = 65536;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A decimal Content-Length; nullopt for anything else (signs, spaces inside, overflow).
std::optional<uint64_t> parseLength(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return value;
}

IncomingMessage rejected(std::string problem) {
  IncomingMessage message;
  message.kind = IncomingMessage::Kind::Rejected;
  message.problem = std::move(problem);
  return message;
}

}  // namespace

MessageReader::MessageReader(ByteSource& source, FramingLimits limits) : source_(source), limits_(limits) {}

bool MessageReader::fill() {
  if (position_ == buffer_.size()) {
    buffer_.clear();
    position_ = 0;
  } else if (position_ >= kReadChunk) {
    buffer_.erase(0, position_);
    position_ = 0;
  }
  const size_t old = buffer_.size();
  buffer_.resize(old + kReadChunk);
  const size_t n = source_.read(buffer_.data() + old, kReadChunk);
  buffer_.resize(old + n);
  return n > 0;
}

bool MessageReader::pending() { return position_ < buffer_.size() || source_.ready(); }

MessageReader::LineStatus MessageReader::readLine(std::string& line, size_t budget) {
  line.clear();
  bool overflow = false;
  for (;;) {
    const size_t newline = buffer_.find('\n', position_);
    if (newline != std::string::npos) {
      if (!overflow) line.assign(buffer_, position_, newline - position_);
      position_ = newline + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (overflow || line.size() > budget) {
        line.clear();
        return LineStatus::TooLong;
      }
      return LineStatus::Line;
    }
    // A line that never ends must not grow the buffer without bound: drop what is there.
    if (buffer_.size() - position_ > budget) {
      overflow = true;
      position_ = buffer_.size();
    }
    if (!fill()) return LineStatus::EndOfInput;
  }
}

bool MessageReader::readBody(size_t length, std::string& body) {
  body.clear();
  body.reserve(length);
  while (body.size() < length) {
    if (position_ == buffer_.size() && !fill()) return false;
    const size_t take = std::min(length - body.size(), buffer_.size() - position_);
    body.append(buffer_, position_, take);
    position_ += take;
  }
  return true;
}

bool MessageReader::skipBytes(uint64_t length) {
  while (length > 0) {
    if (position_ == buffer_.size() && !fill()) return false;
    const size_t take = static_cast<size_t>(std::min<uint64_t>(length, buffer_.size() - position_));
    position_ += take;
    length -= take;
  }
  return true;
}

IncomingMessage MessageReader::next() {
  std::optional<uint64_t> contentLength;
  std::string problem;
  size_t headerBytes = 0;
  bool inHeader = false;
  std::string line;
  for (;;) {
    const size_t budget = limits_.maxHeaderBytes > headerBytes ? limits_.maxHeaderBytes - headerBytes : 0;
    const LineStatus status = readLine(line, budget);
    if (status == LineStatus::EndOfInput) return IncomingMessage{};
    if (status == LineStatus::TooLong) {
      inHeader = true;
      headerBytes = limits_.maxHeaderBytes;
      problem = "message header is over the limit of " + std::to_string(limits_.maxHeaderBytes) + " bytes";
      continue;
    }
    if (line.empty()) {
      if (inHeader) break;
      continue;  // blank lines between messages carry nothing
    }
    inHeader = true;
    headerBytes += line.size() + 2;
    // After a frame without a usable length its body runs into the next header line: resume
    // at the next Content-Length instead of losing that message too.
    if (size_t at = lower(line).find("content-length:"); at != std::string::npos && at > 0) line.erase(0, at);
    const size_t colon = line.find(':');
    if (colon == std::string::npos) {
      if (problem.empty()) problem = "malformed message header line (no ':')";
      continue;
    }
    if (lower(trimmed(std::string_view(line).substr(0, colon))) != "content-length") continue;  // Content-Type
    contentLength = parseLength(trimmed(std::string_view(line).substr(colon + 1)));
    if (!contentLength && problem.empty()) problem = "invalid Content-Length header";
  }

  if (!contentLength) return rejected(problem.empty() ? "message has no Content-Length header" : problem);
  if (*contentLength > limits_.maxBodyBytes) {
    if (!skipBytes(*contentLength)) return IncomingMessage{};
    return rejected("message body of " + std::to_string(*contentLength) + " bytes is over the limit of " +
                    std::to_string(limits_.maxBodyBytes) + " bytes");
  }
  IncomingMessage message;
  if (!readBody(static_cast<size_t>(*contentLength), message.body)) return IncomingMessage{};
  if (!problem.empty()) return rejected(problem);
  message.kind = IncomingMessage::Kind::Body;
  return message;
}

std::string frameMessage(const Json& message) {
  // Text from hostile sources can reach a message (file contents in a diagnostic): replace
  // invalid UTF-8 rather than throw.
  std::string body = message.dump(-1, ' ', false, Json::error_handler_t::replace);
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace hg::lsp
