#include "engine/value_origins.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "engine/expr_walk.h"

namespace hg {

namespace {

// Expressions visited per trace: ordinary handlers need a few dozen; the bound keeps hostile
// input (a chain of ten thousand assignments) linear.
constexpr size_t kMaxSteps = 2048;
// Enclosing functions searched for a closure variable.
constexpr int kMaxClosureHops = 8;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool isParameter(const Function& fn, const std::string& name, size_t* index) {
  for (size_t i = 0; i < fn.params.size(); ++i) {
    if (fn.params[i].name == name) {
      if (index) *index = i;
      return true;
    }
  }
  return false;
}

// The argument a call binds to parameter `index` of `callee`: by keyword, else by position
// (a method called on an instance does not pass `self` explicitly).
ExprId boundArgument(const Program& program, const Function& caller, ExprId call, const Function& callee, size_t index) {
  if (index >= callee.params.size()) return kNoExpr;
  const Parameter& p = callee.params[index];
  if (p.isVariadic || p.isKeywordVariadic) return kNoExpr;
  ExprId byKeyword = callArgument(caller, call, SIZE_MAX, p.name);
  if (byKeyword != kNoExpr) return byKeyword;
  size_t position = index;
  if (!callee.classQualified.empty() && !callee.params.empty() &&
      (callee.params[0].name == "self" || callee.params[0].name == "cls")) {
    if (index == 0) return kNoExpr;
    ExprId calleeExpr = calleeOf(caller, call);
    bool viaInstance = calleeExpr != kNoExpr && caller.expr(calleeExpr).kind == ExprKind::Attribute;
    // `Class.method(obj, x)` passes self explicitly; `obj.method(x)` does not. A class name as
    // the object means the former.
    if (viaInstance) {
      const Expr& attr = caller.expr(calleeExpr);
      bool onClass = !attr.args.empty() && program.findClass(caller.expr(attr.args[0]).qualified) != nullptr;
      if (!onClass) position = index - 1;
    }
  }
  return callArgument(caller, call, position);
}

constexpr size_t kNoPath = SIZE_MAX;

struct EnteredCall {
  FunctionId callee = kNoFunction;
  FunctionId caller = kNoFunction;
  ExprId call = kNoExpr;
  size_t outer = kNoPath;  // the call the caller itself was entered from
};

struct TraceStep {
  FunctionId function = kNoFunction;
  ExprId expr = kNoExpr;
  size_t path = kNoPath;  // index of the innermost entered call
};

}  // namespace

ValueOrigins::ValueOrigins(const Program& program, const CallResolver& calls, RequestUseAnalysis& requests)
    : program_(program), calls_(calls), requests_(requests) {}

const std::vector<ExprId>& ValueOrigins::assignedValues(FunctionId fnId, const std::string& name) {
  auto& perFunction = assignments_[fnId];
  if (perFunction.empty()) {
    perFunction[""];  // marks the function as indexed
    const Function& fn = program_.function(fnId);
    for (const Block& block : fn.blocks) {
      for (const Stmt& s : block.stmts) {
        if (s.kind != StmtKind::Assign || s.value == kNoExpr) continue;
        for (ExprId target : s.targets) {
          if (target >= fn.exprs.size()) continue;
          std::set<std::string> names;
          std::vector<ExprId> todo{target};
          for (size_t guard = 0; !todo.empty() && guard < 256; ++guard) {
            ExprId t = todo.back();
            todo.pop_back();
            if (t >= fn.exprs.size()) continue;
            const Expr& e = fn.expr(t);
            if (e.kind == ExprKind::Name) names.insert(e.text);
            else if (e.kind == ExprKind::Container || e.kind == ExprKind::Unknown) todo.insert(todo.end(), e.args.begin(), e.args.end());
          }
          for (const std::string& n : names) perFunction[n].push_back(s.value);
        }
      }
    }
  }
  static const std::vector<ExprId> none;
  auto it = perFunction.find(name);
  return it == perFunction.end() ? none : it->second;
}

const std::vector<ExprId>& ValueOrigins::returnedValues(FunctionId fnId) {
  auto it = returns_.find(fnId);
  if (it != returns_.end()) return it->second;
  std::vector<ExprId> values;
  const Function& fn = program_.function(fnId);
  for (const Block& block : fn.blocks) {
    for (const Stmt& s : block.stmts) {
      if (s.kind == StmtKind::Return && s.value != kNoExpr) values.push_back(s.value);
    }
  }
  return returns_.emplace(fnId, std::move(values)).first->second;
}

std::vector<ValueOrigin> ValueOrigins::trace(const RouteScope& scope, FunctionId startFn, ExprId startExpr) {
  std::vector<ValueOrigin> out;
  std::set<std::string> keys;
  auto add = [&](ValueOrigin o) {
    if (keys.insert(o.key + "@" + std::to_string(o.function) + ":" + std::to_string(o.expr)).second) out.push_back(std::move(o));
  };
  // The helpers entered through their return values, each with the call it was entered from:
  // a parameter of one of them is what that call passes, not what every caller does.
  std::vector<EnteredCall> entered;
  std::vector<TraceStep> todo{{startFn, startExpr, kNoPath}};
  std::set<std::tuple<FunctionId, ExprId, FunctionId, ExprId>> seen;
  size_t steps = 0;
  while (!todo.empty() && steps++ < kMaxSteps) {
    auto [fnId, id, path] = todo.back();
    todo.pop_back();
    if (fnId >= program_.functionCount()) continue;
    const Function& fn = program_.function(fnId);
    id = stripAwait(fn, id);
    const EnteredCall via = path == kNoPath ? EnteredCall{} : entered[path];
    if (id >= fn.exprs.size() || !seen.insert({fnId, id, via.caller, via.call}).second) continue;
    const Expr& e = fn.expr(id);

    if (const RequestRead* read = requests_.readAt(fnId, id)) {
      ValueOrigin o;
      o.kind = ValueOrigin::Kind::Request;
      o.function = fnId;
      o.expr = id;
      o.span = read->span;
      o.requestKind = read->kind;
      o.headerName = read->headerName;
      o.viaAlias = read->viaAlias;
      if (read->isBody()) o.key = "request:body";
      else if (read->kind == RequestDataKind::Headers && !read->headerName.empty()) o.key = "request:header:" + read->headerName;
      else o.key = std::string("request:") + requestDataKindName(read->kind);
      add(o);
      // An alias stands for an earlier read: follow it to the read itself for its location.
      if (!read->viaAlias || e.kind != ExprKind::Name) continue;
    }

    switch (e.kind) {
      case ExprKind::Name: {
        // Find the function that binds the name: this one, else an enclosing one.
        FunctionId owner = fnId;
        for (int hop = 0; hop < kMaxClosureHops && owner != kNoFunction; ++hop) {
          const Function& o = program_.function(owner);
          if (isParameter(o, e.text, nullptr) || !assignedValues(owner, e.text).empty()) break;
          owner = o.parent;
        }
        if (owner == kNoFunction || owner >= program_.functionCount()) break;
        const Function& ownerFn = program_.function(owner);
        if (ownerFn.name == "<module>") break;  // globals are configuration, not request data
        size_t ownerPath = path != kNoPath && via.callee == owner ? path : kNoPath;
        ValueOrigin v;
        v.kind = ValueOrigin::Kind::Variable;
        v.key = "var:" + std::to_string(owner) + ":" + e.text;
        // A helper's variable holds different data at each of its calls.
        if (ownerPath != kNoPath) v.key += "@" + std::to_string(via.caller) + ":" + std::to_string(via.call);
        v.function = fnId;
        v.expr = id;
        v.span = e.span;
        v.name = e.text;
        add(v);
        for (ExprId value : assignedValues(owner, e.text)) todo.push_back({owner, value, ownerPath});
        size_t index = 0;
        if (isParameter(ownerFn, e.text, &index)) {
          const Parameter& p = ownerFn.params[index];
          if (p.defaultValue != kNoExpr && requests_.readAt(owner, p.defaultValue))
            todo.push_back({owner, p.defaultValue, ownerPath});
          auto follow = [&](FunctionId caller, ExprId call, size_t outer) {
            ExprId arg = boundArgument(program_, program_.function(caller), call, ownerFn, index);
            if (arg != kNoExpr) todo.push_back({caller, arg, outer});
          };
          if (ownerPath != kNoPath) {
            follow(via.caller, via.call, via.outer);
          } else {
            for (const CallSite& site : scope.callSitesOf(owner)) follow(site.caller, site.call, kNoPath);
          }
        }
        break;
      }
      case ExprKind::Attribute:
        if (!e.args.empty()) {
          // `event.id` selects a field as `event["id"]` does.
          ValueOrigin f;
          f.kind = ValueOrigin::Kind::Field;
          f.key = "field:" + lower(e.text);
          f.function = fnId;
          f.expr = id;
          f.span = e.span;
          f.name = e.text;
          add(f);
          todo.push_back({fnId, e.args[0], path});
        }
        break;
      case ExprKind::Subscript:
        if (e.args.size() > 1) {
          if (const std::string* key = stringLiteral(fn, e.args[1])) {
            ValueOrigin f;
            f.kind = ValueOrigin::Kind::Field;
            f.key = "field:" + lower(*key);
            f.function = fnId;
            f.expr = id;
            f.span = e.span;
            f.name = *key;
            add(f);
          }
        }
        if (!e.args.empty()) todo.push_back({fnId, e.args[0], path});
        break;
      case ExprKind::Call: {
        FunctionId callee = calls_.resolveCall(fn, id);
        if (callee != kNoFunction && callee < program_.functionCount()) {
          entered.push_back({callee, fnId, id, path});
          for (ExprId value : returnedValues(callee)) todo.push_back({callee, value, entered.size() - 1});
          break;
        }
        ExprId calleeExpr = calleeOf(fn, id);
        if (calleeExpr != kNoExpr && fn.expr(calleeExpr).kind == ExprKind::Attribute) {
          const Expr& method = fn.expr(calleeExpr);
          if (method.text == "get") {
            if (const std::string* key = stringLiteral(fn, callArgument(fn, id, 0))) {
              ValueOrigin f;
              f.kind = ValueOrigin::Kind::Field;
              f.key = "field:" + lower(*key);
              f.function = fnId;
              f.expr = id;
              f.span = e.span;
              f.name = *key;
              add(f);
            }
          }
          if (!method.args.empty()) todo.push_back({fnId, method.args[0], path});
        }
        for (size_t i = 1; i < e.args.size(); ++i) todo.push_back({fnId, e.args[i], path});
        break;
      }
      case ExprKind::Conditional:
        if (e.args.size() == 3) {
          todo.push_back({fnId, e.args[0], path});
          todo.push_back({fnId, e.args[2], path});
        }
        break;
      case ExprKind::Compare:
      case ExprKind::Not:
      case ExprKind::Literal:
      case ExprKind::Lambda:
        break;
      default:
        for (ExprId sub : e.args) todo.push_back({fnId, sub, path});
        break;
    }
  }
  return out;
}

bool ValueOrigins::shareData(const std::vector<ValueOrigin>& a, const std::vector<ValueOrigin>& b) {
  std::set<std::string> keys;
  for (const ValueOrigin& o : a) {
    if (o.kind != ValueOrigin::Kind::Field) keys.insert(o.key);
  }
  for (const ValueOrigin& o : b) {
    if (o.kind != ValueOrigin::Kind::Field && keys.count(o.key)) return true;
  }
  return false;
}

bool ValueOrigins::hasRequestOrigin(const std::vector<ValueOrigin>& origins) {
  for (const ValueOrigin& o : origins) {
    if (o.kind == ValueOrigin::Kind::Request) return true;
  }
  return false;
}

}  // namespace hg
