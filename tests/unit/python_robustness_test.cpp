// Hostile input for the Python front-end: deep nesting, syntax errors, odd bytes, and the
// module-name and ABI entry points.
#include <gtest/gtest.h>

#include <thread>

#include "python/python_frontend.h"
#include "test_support.h"

namespace hg {
namespace {

bool hasDiagnostic(const Diagnostics& d, const std::string& fragment, uint32_t line = 0) {
  for (const RunDiagnostic& x : d.all()) {
    if (x.message.find(fragment) != std::string::npos && (line == 0 || x.line == line)) return true;
  }
  return false;
}

TEST(PythonRobustness, DeeplyNestedExpressionsDoNotCrash) {
  const int n = 10000;
  std::string parens = "x = " + std::string(n, '(') + "1" + std::string(n, ')') + "\n";
  std::string lists = "y = " + std::string(n, '[') + std::string(n, ']') + "\n";
  std::string calls;
  for (int i = 0; i < n; ++i) calls += "f(";
  calls = "z = " + calls + std::string(n, ')') + "\n";
  std::string sum = "w = a";
  for (int i = 0; i < n; ++i) sum += " + a";
  std::string lambdas = "v = ";
  for (int i = 0; i < 2000; ++i) lambdas += "lambda: ";
  lambdas += "1\n";
  Diagnostics diags;
  auto p = lowerPythonSources({{"deep.py", parens + lists + calls + sum + "\n" + lambdas + "def after():\n    return 1\n"}}, &diags);
  EXPECT_NO_THROW(functionNamed(*p, "deep.after"));
  EXPECT_TRUE(hasDiagnostic(diags, "nested deeper than"));
  // Parentheses are transparent, so the first line lowers completely.
  const Function& body = functionNamed(*p, "deep.<module>");
  EXPECT_EQ(describeStmt(body, body.blocks[0].stmts.at(0)), "assign x = 1");
  // A long left-nested sum is walked in a loop, not recursively, so it is all there.
  EXPECT_EQ(body.exprs[body.blocks[0].stmts.at(3).value].kind, ExprKind::BinaryOp);
}

TEST(PythonRobustness, DeeplyNestedBlocksDoNotCrash) {
  auto nested = [](int levels) {
    std::string src;
    for (int i = 0; i < levels; ++i) src += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
    return src + std::string(static_cast<size_t>(levels), ' ') + "pass\ndef ok():\n    return 1\n";
  };
  Diagnostics diags;
  auto p = lowerPythonSources({{"blocks.py", nested(250)}}, &diags);
  EXPECT_NO_THROW(functionNamed(*p, "blocks.ok"));  // what follows the deep part is analyzed
  EXPECT_TRUE(hasDiagnostic(diags, "nested deeper than"));
  // Past what the grammar's indentation tracking holds, the file is a syntax error; it must
  // still not crash.
  Diagnostics deeper;
  auto q = lowerPythonSources({{"deeper.py", nested(2000)}}, &deeper);
  EXPECT_TRUE(hasDiagnostic(deeper, "syntax error"));
}

TEST(PythonRobustness, SyntaxErrorsKeepTheValidFunctions) {
  Diagnostics diags;
  auto p = lowerPythonSources({{"broken.py", R"(from flask import Flask, request
app = Flask(__name__)

@app.route("/hook", methods=["POST"])
def hook():
    data = request.get_json()
    return data

def broken(:
    return

@app.route("/other", methods=["POST"])
def other():
    return request.data
)"}},
                              &diags);
  EXPECT_TRUE(hasDiagnostic(diags, "syntax error at line 9, analyzing what parsed", 9));
  for (const RunDiagnostic& d : diags.all()) {
    EXPECT_EQ(d.path, "broken.py");
    EXPECT_FALSE(d.fileSkipped);
  }
  const Function& hook = functionNamed(*p, "broken.hook");
  EXPECT_EQ(describeStmt(hook, hook.blocks[0].stmts.at(0)), "assign data = request.get_json()");
  EXPECT_NO_THROW(functionNamed(*p, "broken.other"));
  size_t routes = 0;
  for (const Route& r : p->routes) routes += r.acceptsBody();
  EXPECT_EQ(routes, 2u);
}

TEST(PythonRobustness, GarbageNulBytesAndEmptyFiles) {
  std::string garbage;
  for (int i = 0; i < 5000; ++i) garbage += static_cast<char>((i * 7919) % 256);
  Diagnostics diags;
  auto p = lowerPythonSources({{"empty.py", ""},
                               {"garbage.py", garbage},
                               {"nul.py", std::string("x = 1\0\0def f(:\n", 16)},
                               {"unterminated.py", "s = '''never closed\ndef f():\n    pass\n"},
                               {"tabs.py", "if x:\n\tif y:\n        pass\n\telse:\n  z\n"}},
                              &diags);
  EXPECT_EQ(p->modules.size(), 5u);
  EXPECT_NO_THROW(functionNamed(*p, "empty.<module>"));
}

TEST(PythonRobustness, ConcurrentLoweringOfDifferentFiles) {
  Program program;
  Diagnostics diags;
  const Knowledge knowledge = Knowledge::builtin();
  std::vector<FileId> files;
  for (int i = 0; i < 8; ++i) {
    SourceFile s;
    s.displayPath = "m" + std::to_string(i) + ".py";
    s.text = "from flask import Flask\napp = Flask(__name__)\n@app.post('/h')\ndef h():\n    return helper()\ndef helper():\n    return 1\n";
    files.push_back(program.sources.add(std::move(s)));
  }
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = static_cast<size_t>(t); i < files.size(); i += 4) {
        python::lowerFile(program, files[i], "m" + std::to_string(i), knowledge, diags);
      }
    });
  }
  for (auto& th : threads) th.join();
  python::link(program, knowledge, diags);
  program.buildIndexes();
  EXPECT_EQ(program.modules.size(), 8u);
  EXPECT_EQ(program.routes.size(), 8u);
  for (int i = 0; i < 8; ++i) {
    const std::string m = "m" + std::to_string(i);
    const Function& h = functionNamed(program, m + ".h");
    const Function& helper = functionNamed(program, m + ".helper");
    bool linked = false;
    for (const Expr& e : h.exprs) linked = linked || (e.kind == ExprKind::Call && e.function == helper.id);
    EXPECT_TRUE(linked) << m;
  }
}

TEST(PythonFrontend, ModuleNamesAndAbi) {
  EXPECT_EQ(python::moduleNameFor("app/hooks.py"), "app.hooks");
  EXPECT_EQ(python::moduleNameFor("app/__init__.py"), "app");
  EXPECT_EQ(python::moduleNameFor("./a/b/c.py"), "a.b.c");
  EXPECT_EQ(python::moduleNameFor("a\\b.py"), "a.b");
  EXPECT_EQ(python::moduleNameFor("setup.py"), "setup");
  EXPECT_EQ(python::moduleNameFor("__init__.py"), "__init__");
  std::string error;
  EXPECT_TRUE(python::checkGrammarAbi(error)) << error;
}

}  // namespace
}  // namespace hg
