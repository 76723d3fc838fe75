#include "python/loop_tables.h"

namespace hg::python {
namespace {

// A table with more entries than this is data, not a list of routes.
constexpr size_t kMaxEntries = 256;

std::string variableKey(const Expr& name) { return name.binding.empty() ? name.text : name.binding; }

// The Names a loop target binds, in order: `view`, `name, view`, `(name, view)`.
std::optional<std::vector<ExprId>> targetNames(const Function& fn, ExprId target) {
  const Expr& t = fn.exprs[target];
  if (t.kind == ExprKind::Name) return std::vector<ExprId>{target};
  if (t.kind != ExprKind::Container || (t.text != "tuple" && t.text != "list")) return std::nullopt;
  std::vector<ExprId> out;
  for (ExprId part : t.args) {
    if (fn.exprs[part].kind != ExprKind::Name) return std::nullopt;
    out.push_back(part);
  }
  return out;
}

// The loop assignment `for <target> in <iterable>` that binds `key` where `use` reads it: the
// nearest loop header before the use, when every assignment of the variable in `fn` is a loop
// header (a name reused by several loops is common; one also assigned otherwise is not followed).
const Stmt* loopAssignment(const Function& fn, const std::string& key, const Span& use) {
  const Stmt* found = nullptr;
  for (const Block& b : fn.blocks) {
    for (const Stmt& s : b.stmts) {
      if (s.kind != StmtKind::Assign) continue;
      for (ExprId target : s.targets) {
        std::optional<std::vector<ExprId>> names = targetNames(fn, target);
        bool binds = false;
        if (names) {
          for (ExprId n : *names) binds = binds || variableKey(fn.exprs[n]) == key;
        } else {
          binds = fn.exprs[target].kind == ExprKind::Name && variableKey(fn.exprs[target]) == key;
        }
        if (!binds) continue;
        const Expr& value = fn.exprs[s.value];
        if (!names || value.kind != ExprKind::Unknown || value.text != "iter" || value.args.size() != 1) return nullptr;
        if (s.span < use && (!found || found->span < s.span)) found = &s;
      }
    }
  }
  return found;
}

enum class DictView { Keys, Values, Items };

// The entries of a table display, each as its parts (one part, or a tuple's elements).
std::optional<std::vector<std::vector<ExprRef>>> tableEntries(const LinkIndex& index, ExprRef iterable) {
  DictView view = DictView::Keys;
  const Expr& it = iterable.expr();
  if (it.kind == ExprKind::Call && it.args.size() == 1) {
    const Expr& callee = iterable.fn->exprs[it.args[0]];
    if (callee.kind == ExprKind::Attribute && !callee.args.empty()) {
      if (callee.text == "items") view = DictView::Items;
      else if (callee.text == "values") view = DictView::Values;
      else if (callee.text != "keys") return std::nullopt;
      iterable = ExprRef{iterable.fn, callee.args[0]};
    }
  }
  ExprRef table = throughConstant(index, iterable);
  if (!table.valid() || table.expr().kind != ExprKind::Container) return std::nullopt;
  const Expr& t = table.expr();
  std::vector<std::vector<ExprRef>> out;
  auto parts = [&](ExprId id) {
    ExprRef item = throughConstant(index, ExprRef{table.fn, id});
    const Expr& e = item.expr();
    if (e.kind != ExprKind::Container || (e.text != "tuple" && e.text != "list")) return std::vector<ExprRef>{item};
    std::vector<ExprRef> p;
    for (ExprId a : e.args) p.push_back(ExprRef{item.fn, a});
    return p;
  };
  if (t.text == "dict") {
    for (size_t i = 0; i + 1 < t.args.size(); i += 2) {
      if (table.fn->exprs[t.args[i]].kind == ExprKind::Unknown) return std::nullopt;  // `**other`
      ExprRef key{table.fn, t.args[i]}, value{table.fn, t.args[i + 1]};
      if (view == DictView::Items) out.push_back({key, value});
      else out.push_back(view == DictView::Keys ? std::vector<ExprRef>{key} : parts(t.args[i + 1]));
    }
  } else {
    if (view != DictView::Keys) return std::nullopt;
    for (ExprId a : t.args) out.push_back(parts(a));
  }
  if (out.size() > kMaxEntries) return std::nullopt;
  return out;
}

}  // namespace

std::vector<LoopEntry> loopEntries(const LinkIndex& index, const Function& fn, ExprRef var) {
  if (!var.valid() || var.fn != &fn) return {};
  if (var.expr().kind != ExprKind::Name) {
    // `"/tables/" + name`, `f"/hooks/{name}"`: the first loop variable the expression reads.
    std::vector<ExprId> stack(var.expr().args.rbegin(), var.expr().args.rend());
    for (int budget = 64; !stack.empty() && budget > 0; --budget) {
      ExprId id = stack.back();
      stack.pop_back();
      const Expr& e = fn.exprs[id];
      if (e.kind == ExprKind::Name) {
        std::vector<LoopEntry> entries = loopEntries(index, fn, ExprRef{&fn, id});
        if (!entries.empty()) return entries;
      } else if (e.kind == ExprKind::BinaryOp || e.kind == ExprKind::FormatString) {
        stack.insert(stack.end(), e.args.rbegin(), e.args.rend());
      }
    }
    return {};
  }
  const Stmt* loop = loopAssignment(fn, variableKey(var.expr()), var.expr().span);
  if (!loop || loop->targets.size() != 1) return {};
  std::optional<std::vector<ExprId>> names = targetNames(fn, loop->targets[0]);
  std::optional<std::vector<std::vector<ExprRef>>> entries =
      tableEntries(index, ExprRef{&fn, fn.exprs[loop->value].args[0]});
  if (!names || !entries) return {};
  const bool unpacks = fn.exprs[loop->targets[0]].kind == ExprKind::Container;
  std::vector<LoopEntry> out;
  for (const std::vector<ExprRef>& parts : *entries) {
    LoopEntry entry;
    if (!unpacks) {
      if (parts.size() != 1) return {};  // the variable takes a whole tuple: not followed
      entry.bound[variableKey(fn.exprs[names->front()])] = parts.front();
    } else {
      if (parts.size() != names->size()) return {};
      for (size_t i = 0; i < parts.size(); ++i) entry.bound[variableKey(fn.exprs[(*names)[i]])] = parts[i];
    }
    out.push_back(std::move(entry));
  }
  return out;
}

ExprRef boundValue(const LoopEntry& entry, ExprRef ref) {
  if (!ref.valid() || ref.expr().kind != ExprKind::Name) return ref;
  auto it = entry.bound.find(variableKey(ref.expr()));
  return it == entry.bound.end() ? ref : it->second;
}

std::optional<std::string> constantStringIn(const LinkIndex& index, ExprRef ref, const LoopEntry& entry, int depth) {
  ref = boundValue(entry, ref);
  if (!ref.valid()) return std::nullopt;
  if (depth > 32) return constantString(index, ref);
  const Expr& e = ref.expr();
  if (e.kind == ExprKind::FormatString) {
    std::string out;
    for (size_t i = 0; i < e.literalParts.size(); ++i) {
      out += e.literalParts[i];
      if (i >= e.args.size()) continue;
      std::optional<std::string> part = constantStringIn(index, ExprRef{ref.fn, e.args[i]}, entry, depth + 1);
      out += part.value_or("{}");
    }
    return out;
  }
  if (e.kind == ExprKind::BinaryOp && e.text == "+" && e.args.size() == 2) {
    std::optional<std::string> lhs = constantStringIn(index, ExprRef{ref.fn, e.args[0]}, entry, depth + 1);
    std::optional<std::string> rhs = constantStringIn(index, ExprRef{ref.fn, e.args[1]}, entry, depth + 1);
    if (!lhs || !rhs) return std::nullopt;
    return *lhs + *rhs;
  }
  return constantString(index, ref);
}

}  // namespace hg::python
