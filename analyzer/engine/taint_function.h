// The taint analysis of one function: a forward dataflow over its CFG, from its parameters
// (Parameter labels, plus Source labels for route parameters) to its sinks and returns.
// Branch conditions refine the state on each edge (taint_guards.h), so a check sanitizes only
// the path it guards. The fixpoint runs first without reporting; a final pass over the settled
// states records sink hits, returns and exit facts into the function's summary.
//
// The member functions live in five files: taint_function.cpp (flow and statements),
// taint_eval.cpp (expressions), taint_calls.cpp (calls: summaries and library behaviour),
// taint_same_site.cpp (URLs of this site, constant URL tables), taint_sinks.cpp (sink
// detection and reporting).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/program.h"
#include "engine/taint_analysis.h"
#include "engine/taint_guards.h"
#include "engine/taint_state.h"
#include "engine/taint_summary.h"

namespace hg {

class FunctionTaint {
 public:
  FunctionTaint(TaintAnalysis& analysis, FunctionId fn);
  TaintSummary run();

 private:
  // --- flow (taint_function.cpp)
  TaintState entryState() const;
  void addDependencyResult(const Parameter& p, TaintValue& value) const;
  void addDeclaredRequestData(const Parameter& p, const Route& route, TaintValue& value) const;
  void transferBlock(BlockId block, TaintState& state);
  void transferStmt(const Stmt& stmt, TaintState& state);
  void assignTarget(ExprId target, ExprId valueExpr, const TaintValue& value, TaintState& state, int depth = 0);
  void onReturn(const Stmt& stmt, const TaintState& state);
  void applyFacts(TaintState& state, const std::vector<GuardFact>& facts) const;
  void recordExit(const TaintState& exit);

  // --- expressions (taint_eval.cpp)
  TaintValue eval(ExprId id, const TaintState& state, int depth = 0);
  TaintValue evalName(ExprId id, const TaintState& state);
  TaintValue evalAttribute(ExprId id, const TaintState& state, int depth);
  TaintValue evalSubscript(ExprId id, const TaintState& state, int depth);
  TaintValue evalBinary(ExprId id, const TaintState& state, int depth);
  TaintValue evalComprehension(ExprId id, const TaintState& state, int depth);
  TaintValue sourceValue(const RequestRead& read);
  // Whether a request read's chain starts at a local of this function holding an earlier
  // value (`data.get("x")` after `data = request.get_json()`): then the local is followed.
  bool readsThroughLocal(ExprId id, const TaintState& state) const;
  std::optional<std::string> constantText(ExprId id, const TaintState& state);
  // Evaluates without recording hits or queuing facts (a question asked by a guard or sink).
  TaintValue peek(ExprId id, const TaintState& state);

  // --- calls (taint_calls.cpp)
  TaintValue evalCall(ExprId id, const TaintState& state, int depth);
  TaintValue applySummary(FunctionId callee, ExprId call, const TaintValue* receiver,
                          const std::vector<TaintValue>& args, const TaintState& state);
  // The value bound to each parameter of `callee` by a call.
  std::vector<TaintValue> bindArguments(const Function& callee, ExprId call, const TaintValue* receiver,
                                        const std::vector<TaintValue>& args) const;
  // For each parameter of `callee`, the arguments of the call bound to it: indexes into the
  // call's arguments (after the callee), -1 for the receiver of a method call.
  std::vector<std::vector<int>> bindingSlots(const Function& callee, ExprId call) const;
  ExprId slotExpression(ExprId call, int slot) const;
  bool isBoundMethodCall(const Function& callee, ExprId call) const;
  TaintValue knownCallResult(ExprId call, const TaintValue* receiver, const std::vector<TaintValue>& args,
                             const TaintState& state);
  TaintValue formatCall(ExprId call, const TaintValue& receiver, const std::vector<TaintValue>& args);
  std::vector<GuardFact> calleeGuardFacts(ExprId call, bool outcome, const TaintState& state);
  void queueArgumentFacts(ExprId argument, TaintFlags flags, const TaintState& state);

  // --- URLs of this site and fixed tables (taint_same_site.cpp)
  // What the knowledge says of a URL of this site (request.path, reverse() via url_sanitizers,
  // build_absolute_uri(location)): nullopt when the expression is none.
  std::optional<TaintValue> sameSiteAttribute(ExprId id, const TaintState& state, int depth);
  std::optional<TaintValue> sameSiteCall(ExprId call, const TaintValue* receiver, const std::vector<TaintValue>& args);
  // Whether `table` names a module constant dict each of whose values fixes its origin before
  // its first placeholder (`SEARCH = {"g": "https://search.example/?q={}"}`).
  bool isPinnedTable(ExprId table) const;
  bool tableValuesFixTheirOrigin(const std::string& qualified) const;
  // `template.format(...)` / `template % args` on a pinned template whose text is unknown.
  std::optional<TaintValue> fillPinnedTemplate(const TaintValue& templ, const std::vector<TaintValue>& args) const;
  // A string method that leaves a pinned receiver's origin alone (`path.replace("/a", "/b")`).
  std::optional<TaintValue> keepOrigin(ExprId call, const TaintValue* receiver, const std::vector<TaintValue>& args);
  std::optional<TaintValue> replaceUrlParts(ExprId call, const TaintValue* receiver,
                                            const std::vector<TaintValue>& args);

  // --- sinks (taint_sinks.cpp)
  void checkCallSinks(ExprId call, const TaintValue* receiver, const std::vector<TaintValue>& args,
                      const TaintState& state);
  void checkLocationAssignment(ExprId target, const TaintValue& value);
  void checkLocationReturn(ExprId value, const TaintState& state);
  void checkDbLookup(ExprId call, const CatalogMatch& match, const std::vector<TaintValue>& args,
                     const TaintState& state);
  bool lookupIsScoped(ExprId call, ExprId keyArgument, const TaintState& state);
  TaintValue slotValue(ExprId call, const ArgumentSlot& slot, const std::vector<TaintValue>& args,
                       std::vector<ExprId>* exprs = nullptr) const;
  // Reports each label of `value` that lacks every flag in `suppressing`.
  void report(SinkKind kind, ExprId at, const std::string& sink, const std::string& detail, const TaintValue& value,
              TaintFlags suppressing, const std::string& fieldKey = {});
  std::string codeText(ExprId id, size_t maxChars = 50) const;
  std::string calleeText(ExprId call) const;

 public:
  // Joins a Parameter-labelled hit of a callee onto the values a call passes (used by
  // applySummary; public for the analysis's own bookkeeping).
  void materialize(SinkHit inner, const TaintValue& argument, const FlowStep& callStep);

 private:
  TaintAnalysis& analysis_;
  const Program& program_;
  FunctionId id_;
  const Function& fn_;
  TaintGuards guards_;
  bool recording_ = false;
  std::vector<GuardFact> pendingFacts_;
  // Data a call stores into its receiver (`batch.append(x)`), applied after the statement.
  std::vector<std::pair<std::string, TaintValue>> pendingStores_;
  bool pendingNoReturn_ = false;
  std::vector<TaintValue> comprehensionItems_;
  std::vector<std::string> parameterNames_;
  TaintSummary summary_;
  bool sawReturn_ = false;
  bool sawTruthyReturn_ = false;
  std::set<std::tuple<int, FunctionId, ExprId, TaintLabel>> reported_;
  std::vector<std::vector<ExprId>> parents_;  // parents_[e]: the expressions having e as a child
  // isPinnedTable by qualified name: the fixpoint asks at every visit, and tables can be long.
  mutable std::map<std::string, bool> pinnedTables_;
};

}  // namespace hg
