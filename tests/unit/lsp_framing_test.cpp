// The LSP base protocol reader: Content-Length framing, size caps, and recovery after a bad
// frame.
#include <gtest/gtest.h>

#include <algorithm>

#include "lsp/json_rpc.h"

namespace hg::lsp {
namespace {

// Serves a fixed string in chunks of `chunk` bytes, to exercise frames split across reads.
class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string data, size_t chunk = 7) : data_(std::move(data)), chunk_(chunk) {}
  size_t read(char* buffer, size_t size) override {
    const size_t n = std::min({size, chunk_, data_.size() - position_});
    std::copy_n(data_.data() + position_, n, buffer);
    position_ += n;
    return n;
  }
  bool ready() override { return position_ < data_.size(); }

 private:
  std::string data_;
  size_t chunk_;
  size_t position_ = 0;
};

std::string framed(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

using Kind = IncomingMessage::Kind;

TEST(LspFraming, ReadsConsecutiveMessagesAcrossChunks) {
  StringSource source(framed(R"({"a":1})") + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" +
                      framed(R"({"b":"\u00e9"})"));
  MessageReader reader(source);
  IncomingMessage first = reader.next();
  ASSERT_EQ(first.kind, Kind::Body);
  EXPECT_EQ(first.body, R"({"a":1})");
  EXPECT_TRUE(reader.pending());
  IncomingMessage second = reader.next();
  ASSERT_EQ(second.kind, Kind::Body) << second.problem;
  EXPECT_EQ(second.body, R"({"b":"\u00e9"})");
  EXPECT_EQ(reader.next().kind, Kind::EndOfInput);
  EXPECT_FALSE(reader.pending());
}

TEST(LspFraming, HeaderNamesAreCaseInsensitiveAndBareNewlinesAccepted) {
  StringSource source("content-length:   2\n\n{}");
  MessageReader reader(source);
  IncomingMessage message = reader.next();
  ASSERT_EQ(message.kind, Kind::Body) << message.problem;
  EXPECT_EQ(message.body, "{}");
}

TEST(LspFraming, OversizedBodyIsRejectedAndSkipped) {
  const std::string big(5000, 'x');
  StringSource source(framed(big) + framed("{}"), 1000);
  MessageReader reader(source, FramingLimits{100, 8192});
  IncomingMessage rejected = reader.next();
  ASSERT_EQ(rejected.kind, Kind::Rejected);
  EXPECT_NE(rejected.problem.find("5000 bytes is over the limit of 100"), std::string::npos) << rejected.problem;
  EXPECT_TRUE(rejected.body.empty());
  IncomingMessage next = reader.next();
  ASSERT_EQ(next.kind, Kind::Body);
  EXPECT_EQ(next.body, "{}");
}

TEST(LspFraming, InvalidOrMissingLengthIsRejected) {
  for (const char* header : {"Content-Length: -3", "Content-Length: 1e3", "Content-Length:", "X-Other: 1",
                            "Content-Length: 99999999999999999999999"}) {
    StringSource source(std::string(header) + "\r\n\r\n");
    MessageReader reader(source);
    IncomingMessage message = reader.next();
    EXPECT_EQ(message.kind, Kind::Rejected) << header;
    EXPECT_FALSE(message.problem.empty()) << header;
    EXPECT_EQ(reader.next().kind, Kind::EndOfInput) << header;
  }
}

TEST(LspFraming, ResumesAtTheNextContentLengthAfterAnUnframedBody) {
  // The first frame has no length, so its body runs into the next header line.
  StringSource source("Content-Type: x\r\n\r\n{\"lost\":1}" + framed(R"({"ok":1})"));
  MessageReader reader(source);
  EXPECT_EQ(reader.next().kind, Kind::Rejected);
  IncomingMessage next = reader.next();
  ASSERT_EQ(next.kind, Kind::Body) << next.problem;
  EXPECT_EQ(next.body, R"({"ok":1})");
}

TEST(LspFraming, EndlessHeaderLineIsBounded) {
  StringSource source(std::string(1 << 20, 'A') + "\r\n\r\n" + framed("{}"), 4096);
  MessageReader reader(source, FramingLimits{1024, 256});
  IncomingMessage message = reader.next();
  ASSERT_EQ(message.kind, Kind::Rejected);
  EXPECT_NE(message.problem.find("header"), std::string::npos) << message.problem;
  IncomingMessage next = reader.next();
  ASSERT_EQ(next.kind, Kind::Body);
  EXPECT_EQ(next.body, "{}");
}

TEST(LspFraming, TruncatedInputEndsWithoutAMessage) {
  for (const std::string& input : {std::string("Content-Len"), std::string("Content-Length: 10\r\n\r\n{\"a\""),
                                   std::string("")}) {
    StringSource source(input);
    MessageReader reader(source);
    EXPECT_EQ(reader.next().kind, Kind::EndOfInput) << input;
  }
}

TEST(LspFraming, FrameMessageCountsBytesNotCharacters) {
  const std::string text = frameMessage(Json{{"m", "\xC3\xA9\xF0\x9F\x98\x80"}});
  const std::string body = R"({"m":")" "\xC3\xA9\xF0\x9F\x98\x80" R"("})";
  EXPECT_EQ(text, "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
}

}  // namespace
}  // namespace hg::lsp
