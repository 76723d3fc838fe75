// Helpers for the C++ front-end tests: C++ snippets are written to a fresh temporary directory
// (Clang reads includes relative to the file, and compile_commands.json is searched upward from
// it) and lowered with cpp::analyzeFiles into a Program.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/knowledge.h"
#include "core/program.h"
#include "cpp/cpp_frontend.h"
#include "test_support.h"

namespace hg::testing {

class CppScan {
 public:
  CppScan() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("hookguard-cpp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~CppScan() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  CppScan(const CppScan&) = delete;
  CppScan& operator=(const CppScan&) = delete;

  const std::filesystem::path& dir() const { return dir_; }

  // Writes a file (path relative to the scan directory) without analysing it.
  void write(const std::string& relative, const std::string& text) {
    std::filesystem::path p = dir_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }

  // Writes and analyses the given files; returns the Program (indexes built).
  Program& analyze(const std::vector<std::pair<std::string, std::string>>& files, cpp::CppOptions options = {}) {
    static const Knowledge knowledge = Knowledge::builtin();
    program_ = std::make_unique<Program>();
    std::vector<FileId> ids;
    for (const auto& [relative, text] : files) {
      write(relative, text);
      SourceFile source;
      source.displayPath = relative;
      source.absolutePath = (dir_ / relative).string();
      source.language = Language::Cpp;
      source.text = text;
      source.indexLines();
      ids.push_back(program_->sources.add(std::move(source)));
    }
    cpp::analyzeFiles(*program_, ids, options, knowledge, diags);
    program_->buildIndexes();
    return *program_;
  }

  Program& analyze(const std::string& relative, const std::string& text, cpp::CppOptions options = {}) {
    return analyze({{relative, text}}, std::move(options));
  }

  // Every diagnostic message, one per line (for assertions and failure output).
  std::string diagnosticText() const {
    std::string out;
    for (const RunDiagnostic& d : diags.all()) out += d.path + ":" + std::to_string(d.line) + ": " + d.message + "\n";
    return out;
  }

  Diagnostics diags;

 private:
  std::filesystem::path dir_;
  std::unique_ptr<Program> program_;
};

// The routes of a program rendered "framework METHOD,METHOD path -> handler qualified name".
inline std::vector<std::string> describeRoutes(const Program& program) {
  std::vector<std::string> out;
  for (const Route& r : program.routes) {
    std::string methods;
    for (HttpMethod m : r.methods) methods += (methods.empty() ? "" : ",") + std::string(methodName(m));
    std::string handler = r.handler < program.functionCount() ? program.function(r.handler).qualified : "?";
    out.push_back(r.framework + " " + methods + " " + r.path + " -> " + handler);
  }
  return out;
}

// Every expression of `fn` of the given kind whose qualified name is `qualified`.
inline std::vector<ExprId> exprsNamed(const Function& fn, ExprKind kind, const std::string& qualified) {
  std::vector<ExprId> out;
  for (ExprId id = 0; id < fn.exprs.size(); ++id) {
    if (fn.exprs[id].kind == kind && fn.exprs[id].qualified == qualified) out.push_back(id);
  }
  return out;
}

}  // namespace hg::testing
