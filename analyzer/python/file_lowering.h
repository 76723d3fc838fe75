// The state of lowering one file: its source, the functions and scopes created so far (with
// file-local FunctionIds, rebased when the batch joins the Program), its Module, and the
// bodies waiting to be lowered. Bodies are lowered after the code that defines them, as
// Python runs them: module globals and an enclosing function's locals are all known by then.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "core/deadline.h"
#include "core/diagnostics.h"
#include "core/ir.h"
#include "core/knowledge.h"
#include "core/source.h"
#include "python/scope.h"
#include "python/span_index.h"

namespace hg::python {

// Deeper expression or statement nesting is lowered as Unknown: recursion stays bounded
// whatever the input.
inline constexpr int kMaxNestingDepth = 200;

struct PendingBody {
  TSNode node;  // module, function_definition, class_definition or lambda
  FunctionId function = kNoFunction;
  Scope* scope = nullptr;  // the body's own scope
  size_t classIndex = SIZE_MAX;  // class bodies: index into Module::classes
};

class FileLowering {
 public:
  FileLowering(const SourceFile& source, FileId file, std::string moduleName, const Knowledge& knowledge,
               Diagnostics& diags);

  // Lowers the whole tree: the module body, then every function, class body and lambda.
  void lowerModule(TSNode root);
  std::vector<Function> takeFunctions();

  std::string_view text(TSNode n) const;
  Span span(TSNode n) const;
  Span span(uint32_t beginByte, uint32_t endByte) const;
  // Called when nesting exceeds kMaxNestingDepth; warns once per file.
  void nestingTooDeep(TSNode n);

  FunctionId addFunction(Function f);
  Function& function(FunctionId id) { return functions_[id]; }
  Scope& newScope(ScopeKind kind, std::string qualified, Scope* parent);
  void schedule(PendingBody body) { pending_.push_back(body); }

  const SourceFile& sourceFile;
  const std::string_view source;
  const FileId file;
  const std::string moduleName;
  const std::string packageName;
  const Knowledge& knowledge;
  Diagnostics& diags;
  Module module;
  Scope* moduleScope = nullptr;
  Deadline deadline;  // polled per statement: lowering throws TimeBudgetExceeded past it
  bool importsDjango = false;

 private:
  void lowerPending(const PendingBody& body);

  SpanIndex spans_;
  std::deque<Function> functions_;  // deque: references stay valid while functions are added
  std::deque<Scope> scopes_;
  std::deque<PendingBody> pending_;
  bool warnedDepth_ = false;
};

}  // namespace hg::python
