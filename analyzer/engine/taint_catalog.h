// The taint analysis's view of the knowledge base (rules/knowledge/taint.json): which calls are
// sinks and which argument they read, which checks sanitize a URL or validate a payload. Names
// are matched as the front-ends qualify them; a call on a class of the scanned tree also matches
// through the class's library bases (an `Event(BaseModel)` constructor is a pydantic
// constructor, `EventSchema().load` a marshmallow load).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"

namespace hg {

enum class SinkKind : uint8_t {
  Ssrf,       // the URL or host of an outbound request
  PartialSsrf,  // the path of an outbound request whose scheme and host are fixed
  Redirect,   // a redirect target / Location header
  Code,       // deserialisation, eval, shell
  DbLookup,   // the key of a database lookup
  FieldRead,  // a payload field read (data["x"], data.get("x"))
};
const char* sinkKindName(SinkKind kind);

// Which argument of a call a sink or check reads.
struct ArgumentSlot {
  int position = -1;     // -1: none; positional index after the callee
  std::string keyword;   // "" none
  bool any = false;      // every argument (C++ cpr::Get(cpr::Url{...}, ...))
  int fromPosition = -1; // every positional argument from this index on
  bool allKeywords = false;
};
ArgumentSlot argumentSlot(const nlohmann::json& attributes, const char* positionKey, const char* keywordKey);

struct CatalogMatch {
  const KnowledgeEntry* entry = nullptr;
  std::string name;  // the name that matched (the call's own, or its library base's)
  explicit operator bool() const { return entry != nullptr; }
  const nlohmann::json& attributes() const { return entry->attributes; }
};

class TaintCatalog {
 public:
  TaintCatalog(const Program& program, const Knowledge& knowledge);

  const Knowledge& knowledge() const { return knowledge_; }

  // The names a call's callee is known by, most specific first: its qualified name, the same
  // with a scanned class replaced by each of its library bases, its written name, and
  // ".attr" for a method called on an unnamed value ("https://x/{}".format -> ".format").
  std::vector<std::string> calleeNames(const Function& fn, ExprId call) const;
  // The first entry of `category` matching any of those names.
  CatalogMatch matchCall(std::string_view category, const Function& fn, ExprId call) const;
  // The first entry of `category` matching a plain name.
  CatalogMatch matchName(std::string_view category, const std::string& name) const;

  bool isOwnershipField(std::string_view name) const;

 private:
  std::vector<std::string> viaBases(const std::string& qualified) const;

  const Program& program_;
  const Knowledge& knowledge_;
};

}  // namespace hg
