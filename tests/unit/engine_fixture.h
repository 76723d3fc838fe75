// Shared by the engine's unit tests: lowers Python snippets with the real front-end and gives
// the analyses of one RuleContext over them.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/program.h"
#include "engine/engine.h"
#include "engine/rule_context.h"
#include "test_support.h"

namespace hg::testing {

class EngineFixture : public ::testing::Test {
 protected:
  void load(const std::vector<std::pair<std::string, std::string>>& files) {
    context_.reset();
    program_ = lowerPythonSources(files, knowledge_, &diags_);
    context_ = std::make_unique<RuleContext>(*program_, knowledge_, config_, diags_);
  }
  void load(const std::string& source) { load({{"app/hooks.py", source}}); }

  RuleContext& ctx() { return *context_; }
  const Program& program() const { return *program_; }
  FunctionId fn(const std::string& qualified) const { return functionNamed(*program_, qualified).id; }
  const Function& function(const std::string& qualified) const { return functionNamed(*program_, qualified); }
  std::string cfg(const std::string& qualified) const { return describeCfg(function(qualified)); }

  // The index of the route whose handler has this qualified name.
  size_t route(const std::string& handler) const {
    FunctionId id = fn(handler);
    for (size_t i = 0; i < program_->routes.size(); ++i) {
      if (program_->routes[i].handler == id) return i;
    }
    ADD_FAILURE() << "no route for " << handler;
    return SIZE_MAX;
  }

  // The block and statement index of the first statement whose source line contains `text`.
  std::pair<BlockId, size_t> stmtAt(const std::string& qualified, const std::string& text) const {
    const Function& f = function(qualified);
    const SourceFile& file = program_->sources.get(f.file);
    for (BlockId b = 0; b < f.blocks.size(); ++b) {
      for (size_t s = 0; s < f.blocks[b].stmts.size(); ++s) {
        if (file.line(f.blocks[b].stmts[s].span.line).find(text) != std::string_view::npos) return {b, s};
      }
    }
    ADD_FAILURE() << "no statement containing '" << text << "' in " << qualified << "\n" << cfg(qualified);
    return {kNoBlock, 0};
  }

  bool verifiedAt(const std::string& qualified, const std::string& text) {
    auto [b, s] = stmtAt(qualified, text);
    if (b == kNoBlock) return false;
    return ctx().guards().isVerifiedAt(fn(qualified), b, s);
  }

  std::vector<Finding> findings(const std::string& ruleId) {
    EngineConfig config = config_;
    config.select = {ruleId};
    return runRules(*program_, knowledge_, config, diags_);
  }

  Knowledge knowledge_ = Knowledge::builtin();
  EngineConfig config_;
  Diagnostics diags_;
  std::unique_ptr<Program> program_;
  std::unique_ptr<RuleContext> context_;
};

}  // namespace hg::testing
