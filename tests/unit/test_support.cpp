#include "test_support.h"

#include <stdexcept>

#include "python/python_frontend.h"

namespace {

std::unique_ptr<hg::Program> lowerUnder(const std::string& importRoot,
                                        const std::vector<std::pair<std::string, std::string>>& files,
                                        const hg::Knowledge& knowledge, hg::Diagnostics* diags) {
  auto program = std::make_unique<hg::Program>();
  hg::Diagnostics local;
  hg::Diagnostics& sink = diags ? *diags : local;
  std::vector<std::pair<hg::FileId, std::string>> added;
  for (const auto& [path, text] : files) {
    hg::SourceFile source;
    source.displayPath = path;
    source.absolutePath = "/test/" + path;
    source.language = hg::Language::Python;
    source.text = text;
    source.indexLines();
    const std::string below = path.starts_with(importRoot) ? path.substr(importRoot.size()) : path;
    added.emplace_back(program->sources.add(std::move(source)), hg::python::moduleNameFor(below));
  }
  for (const auto& [id, moduleName] : added) hg::python::lowerFile(*program, id, moduleName, knowledge, sink);
  hg::python::link(*program, knowledge, sink);
  program->buildIndexes();
  return program;
}

}  // namespace

std::unique_ptr<hg::Program> lowerPythonSources(const std::vector<std::pair<std::string, std::string>>& files,
                                                const hg::Knowledge& knowledge, hg::Diagnostics* diags) {
  return lowerUnder("", files, knowledge, diags);
}

std::unique_ptr<hg::Program> lowerPythonSourcesUnder(const std::string& importRoot,
                                                     const std::vector<std::pair<std::string, std::string>>& files) {
  static const hg::Knowledge knowledge = hg::Knowledge::builtin();
  return lowerUnder(importRoot, files, knowledge, nullptr);
}

std::unique_ptr<hg::Program> lowerPythonSources(const std::vector<std::pair<std::string, std::string>>& files,
                                                hg::Diagnostics* diags) {
  static const hg::Knowledge knowledge = hg::Knowledge::builtin();
  return lowerPythonSources(files, knowledge, diags);
}

const hg::Function& functionNamed(const hg::Program& program, const std::string& qualified) {
  for (size_t i = 0; i < program.functionCount(); ++i) {
    const hg::Function& f = program.function(static_cast<hg::FunctionId>(i));
    if (f.qualified == qualified) return f;
  }
  std::string known;
  for (size_t i = 0; i < program.functionCount(); ++i) {
    known += "\n  " + program.function(static_cast<hg::FunctionId>(i)).qualified;
  }
  throw std::out_of_range("no function named " + qualified + "; the program has:" + known);
}

namespace {

std::string renderExpr(const hg::Function& fn, hg::ExprId id, int depth) {
  using hg::ExprKind;
  if (id == hg::kNoExpr || id >= fn.exprs.size()) return "<none>";
  if (depth > 100) return "...";
  const hg::Expr& e = fn.exprs[id];
  auto sub = [&](size_t i) { return i < e.args.size() ? renderExpr(fn, e.args[i], depth + 1) : std::string("?"); };
  auto list = [&](size_t from, const char* sep) {
    std::string out;
    for (size_t i = from; i < e.args.size(); ++i) {
      if (i > from) out += sep;
      out += sub(i);
    }
    return out;
  };
  switch (e.kind) {
    case ExprKind::Name: return e.text;
    case ExprKind::Attribute: return sub(0) + "." + e.text;
    case ExprKind::Call: {
      std::string out = sub(0) + "(";
      for (size_t i = 1; i < e.args.size(); ++i) {
        if (i > 1) out += ", ";
        const std::string& n = i - 1 < e.argNames.size() ? e.argNames[i - 1] : std::string();
        if (n == "*" || n == "**") out += n;
        else if (!n.empty()) out += n + "=";
        out += sub(i);
      }
      return out + ")";
    }
    case ExprKind::Subscript: return sub(0) + "[" + sub(1) + "]";
    case ExprKind::Literal:
      if (e.literal == hg::LiteralKind::String) return "'" + e.text + "'";
      if (e.literal == hg::LiteralKind::Bytes) return "b'" + e.text + "'";
      return e.text;
    case ExprKind::BinaryOp:
    case ExprKind::Compare: return "(" + sub(0) + " " + e.text + " " + sub(1) + ")";
    case ExprKind::UnaryOp: return e.text + sub(0);
    case ExprKind::BoolOp: return "(" + list(0, (" " + e.text + " ").c_str()) + ")";
    case ExprKind::Not: return "(not " + sub(0) + ")";
    case ExprKind::FormatString: {
      std::string out = "f'";
      for (size_t i = 0; i < e.literalParts.size(); ++i) {
        out += e.literalParts[i];
        if (i < e.args.size()) out += "{" + sub(i) + "}";
      }
      return out + "'";
    }
    case ExprKind::Container: {
      const char* open = e.text == "list" ? "[" : e.text == "tuple" ? "(" : "{";
      const char* close = e.text == "list" ? "]" : e.text == "tuple" ? ")" : "}";
      if (e.text != "dict") return open + list(0, ", ") + close;
      std::string out = "{";
      for (size_t i = 0; i + 1 < e.args.size(); i += 2) out += (i ? ", " : "") + sub(i) + ": " + sub(i + 1);
      return out + "}";
    }
    case ExprKind::Comprehension: return e.text + "-comprehension<" + list(0, ", ") + ">";
    case ExprKind::Conditional: return "(" + sub(0) + " if " + sub(1) + " else " + sub(2) + ")";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Await: return "await " + sub(0);
    case ExprKind::Unknown: return e.text + "<" + list(0, ", ") + ">";
  }
  return "?";
}

const char* edgeName(hg::EdgeKind k) {
  switch (k) {
    case hg::EdgeKind::Fallthrough: return "";
    case hg::EdgeKind::True: return ":T";
    case hg::EdgeKind::False: return ":F";
    case hg::EdgeKind::Exception: return ":exc";
    case hg::EdgeKind::LoopBack: return ":back";
  }
  return "?";
}

}  // namespace

std::string describeExpr(const hg::Function& fn, hg::ExprId id) { return renderExpr(fn, id, 0); }

std::string describeStmt(const hg::Function& fn, const hg::Stmt& s) {
  auto targets = [&] {
    std::string out;
    for (size_t i = 0; i < s.targets.size(); ++i) out += (i ? ", " : "") + describeExpr(fn, s.targets[i]);
    return out;
  };
  switch (s.kind) {
    case hg::StmtKind::Assign:
      return "assign " + targets() + " " + (s.augOp.empty() ? "=" : s.augOp) + " " + describeExpr(fn, s.value);
    case hg::StmtKind::Eval: return "eval " + describeExpr(fn, s.value);
    case hg::StmtKind::Return: return s.value == hg::kNoExpr ? "return" : "return " + describeExpr(fn, s.value);
    case hg::StmtKind::Raise: return s.value == hg::kNoExpr ? "raise" : "raise " + describeExpr(fn, s.value);
    case hg::StmtKind::Delete: return "del " + targets();
    case hg::StmtKind::Import: return "import " + targets();
  }
  return "?";
}

std::string describeCfg(const hg::Function& fn) {
  std::string out;
  for (size_t b = 0; b < fn.blocks.size(); ++b) {
    const hg::Block& block = fn.blocks[b];
    out += "B" + std::to_string(b);
    if (b == fn.exit) out += " [exit]";
    if (block.inLoop) out += " [loop]";
    if (block.isHandler) {
      out += " [handler";
      for (const std::string& t : block.caughtTypes) out += " " + t;
      out += "]";
    }
    out += ":";
    for (size_t i = 0; i < block.stmts.size(); ++i) out += (i ? "; " : " ") + describeStmt(fn, block.stmts[i]);
    if (block.condition != hg::kNoExpr) out += (block.stmts.empty() ? " cond " : "; cond ") + describeExpr(fn, block.condition);
    if (!block.successors.empty()) {
      out += " ->";
      for (const hg::Edge& e : block.successors) out += " B" + std::to_string(e.target) + edgeName(e.kind);
    }
    out += "\n";
  }
  return out;
}

hg::SourceFile sourceFileOf(const std::string& displayPath, std::string text) {
  hg::SourceFile file;
  file.displayPath = displayPath;
  file.text = std::move(text);
  file.indexLines();
  return file;
}
