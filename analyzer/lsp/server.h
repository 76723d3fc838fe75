// The language server: protocol state (initialize .. shutdown, exit), open documents, and the
// analysis that turns them into published diagnostics. It only ever answers the client and
// sends notifications: it never issues a request, so no client feature is needed beyond the
// base protocol.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/scan.h"
#include "lsp/json_rpc.h"
#include "lsp/positions.h"
#include "lsp/text_document.h"

namespace hg::lsp {

// The scan pipeline, passed in by the command line that links it (this library sits below it).
using ScanFunction = std::function<std::unique_ptr<ScanResult>(const ScanOptions&)>;

class Server {
 public:
  Server(MessageSink& sink, ScanFunction scan);

  void handleMessage(const std::string& body);
  void handleRejectedFrame(const std::string& problem);
  // No message is waiting: the moment to analyze after open/change and publish the results.
  void idle();

  // Set once the exit notification arrived: 0 after shutdown, 1 otherwise (LSP 3.17 "exit").
  std::optional<int> exitCode() const { return exitCode_; }
  // The client went away without "exit".
  int exitCodeAtEndOfInput() const { return state_ == State::ShutDown ? 0 : 1; }

  PositionEncoding positionEncoding() const { return encoding_; }

 private:
  enum class State : uint8_t { AwaitingInitialize, Running, ShutDown };

  void handleRequest(const Json& id, const std::string& method, const Json& params);
  void handleNotification(const std::string& method, const Json& params);
  void respond(const Json& id, Json result);
  void respondError(const Json& id, ErrorCode code, const std::string& message);
  void notify(const std::string& method, Json params);
  void logMessage(int type, const std::string& text);

  Json initialize(const Json& params);
  Json codeActions(const Json& params);
  Json hover(const Json& params);
  void didOpen(const Json& params);
  void didChange(const Json& params);
  void didClose(const Json& params);
  void didChangeWorkspaceFolders(const Json& params);

  void analyze();
  void publish(const TextDocument& document);
  bool cachedResultMatches(const TextDocument& document) const;
  const TextDocument* document(const Json& params) const;  // params.textDocument.uri, if open

  MessageSink& sink_;
  ScanFunction scan_;
  State state_ = State::AwaitingInitialize;
  std::optional<int> exitCode_;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  std::vector<std::string> workspaceRoots_;          // local directories
  std::map<std::string, TextDocument> documents_;    // by URI as the client wrote it
  std::unique_ptr<ScanResult> lastResult_;
  bool analysisDue_ = false;
  std::set<std::string> shownProblems_;  // run errors already shown with window/showMessage
};

// Reads framed messages until "exit" or the end of input and returns the exit code.
int serve(ByteSource& input, MessageSink& output, ScanFunction scan, FramingLimits limits = {});

}  // namespace hg::lsp
