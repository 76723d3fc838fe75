// Where a function reads client-controlled request data, and what kind of data it is.
//
// A read is an expression whose qualified name, or a prefix of its Attribute/Call chain, is a
// `request_sources` entry: `request.headers.get("X")` matches through `flask.request.headers`.
// Only the outermost matching expression of a chain is recorded, so one source construct is
// one read. A local that the front-end qualified with its API value (`data` after
// `data = request.get_json()`) is recorded as an alias read.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"

namespace hg {

enum class RequestDataKind : uint8_t {
  RawBody,      // bytes as sent: request.get_data(), request.data, await request.body()
  Json,         // parsed JSON: request.get_json(), request.json
  Form,         // form fields, values, files
  Args,         // query string
  Headers,      // the header mapping or one header
  Cookies,
  Stream,       // a readable body stream
  ContentLength,
  PathParameter,  // a route parameter bound to a handler argument
  Other,
};

const char* requestDataKindName(RequestDataKind kind);
RequestDataKind requestDataKindFromName(const std::string& name);

// Statement index used for a block's branch condition.
inline size_t conditionIndex(const Block& block) { return block.stmts.size(); }

struct RequestRead {
  ExprId expr = kNoExpr;
  BlockId block = kNoBlock;
  size_t stmt = 0;  // index into Block::stmts; conditionIndex(block) for the condition
  RequestDataKind kind = RequestDataKind::Other;
  std::string source;      // the matched knowledge pattern ("flask.request.get_json")
  std::string headerName;  // lower case, for a read of one header ("x-hub-signature-256")
  bool viaAlias = false;   // a local holding a previously read value, not a new read
  Span span;

  bool isBody() const;        // raw body, parsed body in any form, or the stream
  bool isParsedBody() const;  // Json or Form
  // What the catalog calls reading the request: the body in any form, or headers as input.
  bool readsInput() const { return isBody() || kind == RequestDataKind::Headers; }
};

class RequestUseAnalysis {
 public:
  RequestUseAnalysis(const Program& program, const Knowledge& knowledge);
  // Reads in `fn` itself, in block/statement order (not in functions it calls).
  const std::vector<RequestRead>& reads(FunctionId fn);
  // The read an expression performs (its outermost matching chain), or nullptr.
  const RequestRead* readAt(FunctionId fn, ExprId expr);

 private:
  std::vector<RequestRead> compute(const Function& fn) const;
  bool matchSource(const Function& fn, ExprId id, RequestRead& out) const;
  const Program& program_;
  const Knowledge& knowledge_;
  struct FunctionReads {
    std::vector<RequestRead> reads;
    std::map<ExprId, size_t> byExpr;
  };
  const FunctionReads& entry(FunctionId fn);
  std::map<FunctionId, FunctionReads> cache_;
};

// Normalises a header name as written in code to its HTTP form, lower case: Django's
// META key "HTTP_X_HUB_SIGNATURE" and FastAPI's parameter name "x_hub_signature" both become
// "x-hub-signature".
std::string normalizeHeaderName(std::string name);

}  // namespace hg
