#include "lsp/server.h"

#include <exception>
#include <filesystem>
#include <set>

#include "lsp/diagnostics.h"
#include "lsp/file_uri.h"
#include "lsp/fix_actions.h"
#include "lsp/ignore_comments.h"
#include "lsp/params.h"
#include "lsp/rule_docs.h"

namespace hg::lsp {

namespace fs = std::filesystem;

namespace {

// LSP TextDocumentSyncKind.Incremental and MessageType.
constexpr int kSyncIncremental = 2;
constexpr int kMessageError = 1;
constexpr int kMessageWarning = 2;

std::optional<std::string> canonicalPath(const std::string& path) {
  std::error_code ec;
  fs::path canonical = fs::canonical(path, ec);
  if (ec) return std::nullopt;
  return canonical.string();
}

bool isInside(const std::string& path, const std::string& directory) {
  return path.size() > directory.size() && path.starts_with(directory) &&
         (directory.ends_with('/') || path[directory.size()] == '/');
}

// Where the workspace is: workspaceFolders (LSP 3.6) over rootUri over the deprecated rootPath.
std::vector<std::string> workspaceRootsOf(const Json& params) {
  std::vector<std::string> roots;
  if (const Json* folders = optionalMember(params, "workspaceFolders"); folders && folders->is_array()) {
    for (const Json& folder : *folders) {
      if (auto path = pathOfFileUri(stringMember(folder, "uri"))) roots.push_back(*path);
    }
    return roots;
  }
  if (const Json* rootUri = optionalMember(params, "rootUri"); rootUri && rootUri->is_string()) {
    if (auto path = pathOfFileUri(rootUri->get<std::string>())) roots.push_back(*path);
  } else if (const Json* rootPath = optionalMember(params, "rootPath"); rootPath && rootPath->is_string()) {
    roots.push_back(rootPath->get<std::string>());
  }
  return roots;
}

// UTF-8 when the client can take it (no conversion at all for a client that counts bytes),
// UTF-32 next (our own columns), else the mandatory UTF-16.
PositionEncoding negotiateEncoding(const Json& params) {
  const Json* capabilities = optionalMember(params, "capabilities");
  const Json* general = capabilities ? optionalMember(*capabilities, "general") : nullptr;
  const Json* offered = general ? optionalMember(*general, "positionEncodings") : nullptr;
  if (!offered || !offered->is_array()) return PositionEncoding::Utf16;
  std::set<PositionEncoding> accepted;
  for (const Json& name : *offered) {
    if (!name.is_string()) continue;
    if (auto encoding = parseEncoding(name.get<std::string>())) accepted.insert(*encoding);
  }
  if (accepted.contains(PositionEncoding::Utf8)) return PositionEncoding::Utf8;
  if (accepted.contains(PositionEncoding::Utf32)) return PositionEncoding::Utf32;
  return PositionEncoding::Utf16;
}

bool isValidId(const Json& id) { return id.is_string() || id.is_number_integer(); }

}  // namespace

Server::Server(MessageSink& sink, ScanFunction scan) : sink_(sink), scan_(std::move(scan)) {}

void Server::respond(const Json& id, Json result) {
  sink_.send(Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::respondError(const Json& id, ErrorCode code, const std::string& message) {
  sink_.send(Json{{"jsonrpc", "2.0"},
                  {"id", isValidId(id) ? id : Json(nullptr)},
                  {"error", {{"code", static_cast<int>(code)}, {"message", message}}}});
}

void Server::notify(const std::string& method, Json params) {
  sink_.send(Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void Server::logMessage(int type, const std::string& text) {
  notify("window/logMessage", Json{{"type", type}, {"message", "hookguard: " + text}});
}

void Server::handleRejectedFrame(const std::string& problem) {
  respondError(nullptr, ErrorCode::InvalidRequest, problem);
}

void Server::handleMessage(const std::string& body) {
  const Json message = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) return respondError(nullptr, ErrorCode::ParseError, "message body is not valid JSON");
  if (!message.is_object()) return respondError(nullptr, ErrorCode::InvalidRequest, "message is not a JSON object");
  const Json* id = optionalMember(message, "id");
  const auto method = message.find("method");
  if (method == message.end()) {
    // A response to a request of ours; we send none, so there is nothing to match it with.
    if (id && (message.contains("result") || message.contains("error"))) return;
    return respondError(id ? *id : Json(nullptr), ErrorCode::InvalidRequest, "message has no method");
  }
  if (id && !isValidId(*id)) return respondError(nullptr, ErrorCode::InvalidRequest, "id must be a string or an integer");
  const auto version = message.find("jsonrpc");
  if (version == message.end() || *version != "2.0" || !method->is_string()) {
    if (id) respondError(*id, ErrorCode::InvalidRequest, "not a JSON-RPC 2.0 request");
    return;
  }
  const Json* params = optionalMember(message, "params");
  const Json noParams = Json::object();
  if (params && !params->is_object() && !params->is_array()) {
    if (id) respondError(*id, ErrorCode::InvalidParams, "params must be an object or an array");
    return;
  }
  if (id) {
    handleRequest(*id, method->get<std::string>(), params ? *params : noParams);
  } else {
    handleNotification(method->get<std::string>(), params ? *params : noParams);
  }
}

void Server::handleRequest(const Json& id, const std::string& method, const Json& params) {
  if (state_ == State::AwaitingInitialize && method != "initialize")
    return respondError(id, ErrorCode::ServerNotInitialized, "the server has not been initialized");
  if (state_ == State::ShutDown) return respondError(id, ErrorCode::InvalidRequest, "the server is shut down");
  try {
    if (method == "initialize") {
      if (state_ != State::AwaitingInitialize)
        return respondError(id, ErrorCode::InvalidRequest, "initialize was already received");
      Json result = initialize(params);
      state_ = State::Running;
      return respond(id, std::move(result));
    }
    if (method == "shutdown") {
      state_ = State::ShutDown;
      return respond(id, nullptr);
    }
    if (method == "textDocument/codeAction") return respond(id, codeActions(params));
    if (method == "textDocument/hover") return respond(id, hover(params));
    respondError(id, ErrorCode::MethodNotFound, "unsupported method: " + method);
  } catch (const InvalidParams& e) {
    respondError(id, ErrorCode::InvalidParams, method + ": " + e.what());
  } catch (const Json::exception& e) {
    respondError(id, ErrorCode::InvalidParams, method + ": " + e.what());
  } catch (const std::exception& e) {
    respondError(id, ErrorCode::InternalError, method + ": internal error: " + e.what());
  }
}

void Server::handleNotification(const std::string& method, const Json& params) {
  if (method == "exit") {
    exitCode_ = state_ == State::ShutDown ? 0 : 1;
    return;
  }
  if (state_ != State::Running) return;  // before initialize or after shutdown: dropped
  try {
    if (method == "initialized") {
      analysisDue_ = true;  // the whole workspace, so that cross-file helpers resolve
    } else if (method == "textDocument/didOpen") {
      didOpen(params);
    } else if (method == "textDocument/didChange") {
      didChange(params);
    } else if (method == "textDocument/didSave" || method == "workspace/didChangeWatchedFiles") {
      analysisDue_ = true;  // other files may import the saved one
    } else if (method == "textDocument/didClose") {
      didClose(params);
    } else if (method == "workspace/didChangeWorkspaceFolders") {
      didChangeWorkspaceFolders(params);
    }
    // Anything else ($/cancelRequest, $/setTrace, ...) needs nothing from us.
  } catch (const std::exception& e) {
    // A notification gets no response: tell the user through the log instead.
    logMessage(kMessageError, method + ": " + e.what());
  }
}

Json Server::initialize(const Json& params) {
  encoding_ = negotiateEncoding(params);
  workspaceRoots_ = workspaceRootsOf(params);
  return Json{
      {"capabilities",
       {{"positionEncoding", encodingName(encoding_)},
        {"textDocumentSync", {{"openClose", true}, {"change", kSyncIncremental}, {"save", {{"includeText", false}}}}},
        {"codeActionProvider", {{"codeActionKinds", Json::array({"quickfix"})}}},
        {"hoverProvider", true}}},
      {"serverInfo", {{"name", "hookguard"}, {"version", HOOKGUARD_VERSION}}},
  };
}

const TextDocument* Server::document(const Json& params) const {
  auto it = documents_.find(stringMember(member(params, "textDocument"), "uri"));
  return it == documents_.end() ? nullptr : &it->second;
}

void Server::didOpen(const Json& params) {
  const Json& item = member(params, "textDocument");
  const Json& version = member(item, "version");
  std::string uri = stringMember(item, "uri");
  TextDocument opened(uri, stringMember(item, "languageId"), version.is_number_integer() ? version.get<int64_t>() : 0,
                      stringMember(item, "text"));
  auto [it, _] = documents_.insert_or_assign(std::move(uri), std::move(opened));
  // Opening a file as it is on disk needs no new analysis: the workspace one holds it.
  if (!analysisDue_ && cachedResultMatches(it->second)) {
    publish(it->second);
  } else {
    analysisDue_ = true;
  }
}

void Server::didChange(const Json& params) {
  const Json& identifier = member(params, "textDocument");
  auto it = documents_.find(stringMember(identifier, "uri"));
  if (it == documents_.end()) throw InvalidParams("didChange for a document that is not open");
  const Json& changes = member(params, "contentChanges");
  if (!changes.is_array()) throw InvalidParams("'contentChanges' must be an array");
  for (const Json& change : changes) it->second.applyChange(change, encoding_);
  if (const Json* version = optionalMember(identifier, "version"); version && version->is_number_integer())
    it->second.setVersion(version->get<int64_t>());
  analysisDue_ = true;
}

void Server::didClose(const Json& params) {
  const std::string uri = stringMember(member(params, "textDocument"), "uri");
  if (documents_.erase(uri) == 0) return;
  notify("textDocument/publishDiagnostics", Json{{"uri", uri}, {"diagnostics", Json::array()}});
  // The other open files were analyzed with this one's unsaved text.
  if (!documents_.empty()) analysisDue_ = true;
}

void Server::didChangeWorkspaceFolders(const Json& params) {
  const Json& event = member(params, "event");
  for (const Json& removed : member(event, "removed")) {
    if (auto path = pathOfFileUri(stringMember(removed, "uri"))) std::erase(workspaceRoots_, *path);
  }
  for (const Json& added : member(event, "added")) {
    if (auto path = pathOfFileUri(stringMember(added, "uri"))) workspaceRoots_.push_back(*path);
  }
  analysisDue_ = true;
}

bool Server::cachedResultMatches(const TextDocument& document) const {
  if (!lastResult_ || !document.path()) return false;
  const std::optional<std::string> canonical = canonicalPath(*document.path());
  if (!canonical) return false;
  for (const SourceFile& source : lastResult_->program->sources.all()) {
    if (source.absolutePath == *canonical) return source.text == document.text();
  }
  return false;
}

void Server::idle() {
  if (!analysisDue_ || state_ != State::Running) return;
  analysisDue_ = false;
  try {
    analyze();
  } catch (const std::exception& e) {
    logMessage(kMessageError, std::string("analysis failed: ") + e.what());
  }
}

void Server::analyze() {
  ScanOptions options;
  std::vector<std::string> canonicalRoots;
  for (const std::string& root : workspaceRoots_) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) continue;
    options.paths.push_back(root);
    if (auto canonical = canonicalPath(root)) canonicalRoots.push_back(*canonical);
  }
  for (const auto& [uri, document] : documents_) {
    if (!document.path()) continue;
    const std::optional<std::string> canonical = canonicalPath(*document.path());
    if (!canonical) continue;  // not saved yet: the scan reads files that exist
    options.sourceOverrides[*canonical] = document.text();
    bool inWorkspace = false;
    for (const std::string& root : canonicalRoots) inWorkspace = inWorkspace || isInside(*canonical, root);
    if (!inWorkspace) options.paths.push_back(*document.path());
  }
  lastResult_.reset();
  if (!options.paths.empty()) {
    try {
      lastResult_ = scan_(options);
    } catch (const std::exception& e) {
      logMessage(kMessageError, std::string("analysis failed: ") + e.what());
    }
  }
  if (lastResult_) {
    for (const RunDiagnostic& d : lastResult_->diagnostics.all()) {
      if (d.severity != RunDiagnostic::Severity::Error || d.line != 0) continue;
      const std::string text = (d.path.empty() ? "" : d.path + ": ") + d.message;
      logMessage(kMessageWarning, text);
      // A problem with no place in a file (a broken configuration) would otherwise go
      // unnoticed in a log; it pops up once, not after every keystroke.
      if (shownProblems_.insert(text).second)
        notify("window/showMessage", Json{{"type", kMessageWarning}, {"message", "hookguard: " + text}});
    }
  }
  for (const auto& [uri, document] : documents_) publish(document);
}

void Server::publish(const TextDocument& document) {
  Json diagnostics = Json::array();
  if (lastResult_ && document.path()) {
    if (auto canonical = canonicalPath(*document.path()))
      diagnostics = diagnosticsForFile(*lastResult_, *canonical, encoding_);
  }
  notify("textDocument/publishDiagnostics",
         Json{{"uri", document.uri()}, {"version", document.version()}, {"diagnostics", std::move(diagnostics)}});
}

Json Server::codeActions(const Json& params) {
  Json actions = Json::array();
  const TextDocument* open = document(params);
  const Json* context = optionalMember(params, "context");
  const Json* diagnostics = context ? optionalMember(*context, "diagnostics") : nullptr;
  if (!open || !diagnostics || !diagnostics->is_array()) return actions;
  // The fix's edits are offsets into the analyzed text: offered only while it is the buffer's.
  std::optional<std::string> analyzedPath;
  if (cachedResultMatches(*open)) analyzedPath = canonicalPath(*open->path());
  std::set<std::pair<uint32_t, std::string>> offered;  // (line, rule): one action each
  for (const Json& diagnostic : *diagnostics) {
    if (analyzedPath) {
      if (std::optional<Json> fix = fixAction(*lastResult_, *analyzedPath, open->uri(), diagnostic, encoding_))
        actions.push_back(std::move(*fix));
    }
    const Json* source = optionalMember(diagnostic, "source");
    const Json* code = optionalMember(diagnostic, "code");
    if (!source || *source != "hookguard" || !code || !code->is_string()) continue;
    const std::string ruleId = code->get<std::string>();
    if (!ruleNamedBy(ruleId)) continue;
    const uint32_t line = parseRange(member(diagnostic, "range")).start.line;
    if (!offered.insert({line, ruleId}).second) continue;
    const std::string_view text = open->line(line);
    const DocumentLine docLine{open->text(), open->offsetOf(Position{line, 0}, encoding_), text};
    const std::optional<LineEdit> edit = suppressionEdit(docLine, ruleId, open->isPython());
    if (!edit) continue;
    const Range range{{line, characterOfByte(text, edit->begin, encoding_)},
                      {line, characterOfByte(text, edit->end, encoding_)}};
    Json textEdit = {{"range", toJson(range)}, {"newText", edit->newText}};
    actions.push_back({{"title", "Suppress " + ruleId + " on this line"},
                       {"kind", "quickfix"},
                       {"diagnostics", Json::array({diagnostic})},
                       {"edit", {{"changes", {{open->uri(), Json::array({textEdit})}}}}}});
  }
  return actions;
}

Json Server::hover(const Json& params) {
  const TextDocument* open = document(params);
  if (!open) return nullptr;
  const Position position = parsePosition(member(params, "position"));
  const std::string_view text = open->line(position.line);
  const DocumentLine docLine{open->text(), open->offsetOf(Position{position.line, 0}, encoding_), text};
  const std::optional<RuleWord> word =
      ruleWordAt(docLine, byteOfCharacter(text, position.character, encoding_), open->isPython());
  if (!word) return nullptr;
  const RuleMeta* rule = ruleNamedBy(word->word);
  if (!rule) return nullptr;
  std::string markdown = rule->docMarkdown.empty()
                             ? "**" + rule->id + "** " + rule->name + "\n\n" + rule->shortDescription
                             : rule->docMarkdown;
  const Range range{{position.line, characterOfByte(text, word->begin, encoding_)},
                    {position.line, characterOfByte(text, word->end, encoding_)}};
  return Json{{"contents", {{"kind", "markdown"}, {"value", markdown}}}, {"range", toJson(range)}};
}

int serve(ByteSource& input, MessageSink& output, ScanFunction scan, FramingLimits limits) {
  MessageReader reader(input, limits);
  Server server(output, std::move(scan));
  for (;;) {
    IncomingMessage message = reader.next();
    switch (message.kind) {
      case IncomingMessage::Kind::EndOfInput: return server.exitCodeAtEndOfInput();
      case IncomingMessage::Kind::Rejected: server.handleRejectedFrame(message.problem); break;
      case IncomingMessage::Kind::Body: server.handleMessage(message.body); break;
    }
    if (auto code = server.exitCode()) return *code;
    if (!reader.pending()) server.idle();
  }
}

}  // namespace hg::lsp
