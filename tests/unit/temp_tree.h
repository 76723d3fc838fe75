// A directory of files written by a test and removed after it, scanned like a repository:
// for analyses that read files beside the sources (committed configuration files).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "cli/scan.h"

namespace hg::testing {

class TempTree {
 public:
  TempTree() {
    std::random_device rd;
    root_ = std::filesystem::temp_directory_path() / ("hg-tree-" + std::to_string(rd()));
    std::filesystem::create_directories(root_);
  }
  ~TempTree() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  void write(const std::string& relative, const std::string& text) const {
    std::filesystem::path p = root_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  const std::filesystem::path& root() const { return root_; }

  // The unsuppressed findings of one rule over the whole tree, as "file:line".
  std::vector<std::string> findings(const std::string& ruleId) const {
    ScanOptions options;
    options.paths.push_back(root_.string());
    options.repositoryRoot = root_.string();
    std::unique_ptr<ScanResult> result = scan(options);
    if (!result) return {"scan failed"};
    std::vector<std::string> out;
    for (const Finding& f : result->findings) {
      if (f.ruleId != ruleId || f.suppressed()) continue;
      out.push_back(result->program->sources.get(f.location.file).displayPath + ":" + std::to_string(f.location.line));
    }
    return out;
  }

 private:
  std::filesystem::path root_;
};

}  // namespace hg::testing
