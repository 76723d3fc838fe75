// The taint analysis of a whole program: every flow of client-controlled request data into a
// sink (outbound request URL, redirect target, code execution or deserialisation, database
// lookup key, payload field read), across functions and modules through per-function summaries.
//
// Sources are the request reads the engine detects (request_uses.h) — body in every form,
// query args, headers, cookies, files — wherever they happen, and the route parameters bound to
// a handler's arguments. Propagation, sinks and sanitizers are data (rules/knowledge/taint.json).
// Each function is analysed once, callees first; a recursive cycle is cut where it closes (the
// call inside the cycle sees what has been summarised so far, which is nothing).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/call_resolution.h"
#include "engine/constant_folding.h"
#include "engine/request_uses.h"
#include "engine/taint_catalog.h"
#include "engine/taint_summary.h"

namespace hg {

class TaintAnalysis {
 public:
  TaintAnalysis(const Program& program, const Knowledge& knowledge, const CallResolver& calls,
                RequestUseAnalysis& requests);
  ~TaintAnalysis();

  // Every flow from request data into a sink, sorted by sink location then source.
  const std::vector<SinkHit>& hits();
  const TaintSummary& summary(FunctionId fn);

  // Indexes into Program::routes of the routes whose handler is `fn` or calls it, directly or
  // through other functions of the scanned tree, in route order.
  std::vector<size_t> routesReaching(FunctionId fn);
  // The routes `fn` is the handler of.
  const std::vector<size_t>& routesHandledBy(FunctionId fn) const;

  const Program& program() const { return program_; }
  const TaintCatalog& catalog() const { return catalog_; }
  const CallResolver& calls() const { return calls_; }
  RequestUseAnalysis& requests() { return requests_; }
  const ConstantFolder& constants() const { return constants_; }

  // For the function analyses: the summary of a callee, or nullptr when it is being analysed
  // (a recursive cycle) or the call chain is too deep to follow.
  const TaintSummary* calleeSummary(FunctionId callee);
  void recordSourceHit(SinkHit hit);

 private:
  void analyze(FunctionId fn);
  void analyzeAll();
  bool mayHoldRequestData(FunctionId fn);
  void buildCallers();

  const Program& program_;
  const CallResolver& calls_;
  RequestUseAnalysis& requests_;
  TaintCatalog catalog_;
  ConstantFolder constants_;
  std::map<FunctionId, TaintSummary> summaries_;
  std::set<FunctionId> inProgress_;
  int depth_ = 0;
  bool analyzedAll_ = false;
  std::vector<SinkHit> hits_;
  std::map<FunctionId, std::vector<size_t>> routesByHandler_;
  // Handlers whose routes run copies of them made for the registered view class
  // (Function::specializationOf): the copies hold their request data.
  std::set<FunctionId> copiedHandlers_;
  std::map<FunctionId, std::vector<FunctionId>> callers_;
  bool callersBuilt_ = false;
};

}  // namespace hg
