// Reporters: the same findings as SARIF 2.1.0, terminal text with source snippets, gcc-style
// one-liners, or JSON. Output is deterministic: same input, same bytes.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/finding.h"
#include "core/program.h"

namespace hg {

struct ReportInput {
  const Program& program;
  const std::vector<Finding>& findings;
  const std::vector<RunDiagnostic>& diagnostics;
  std::string repositoryRoot;  // absolute; URIs are relative to it
  bool color = false;          // text only
  // SARIF tool.driver.informationUri (an absolute URI); empty = a stable placeholder.
  std::string informationUri = {};
  // SARIF runs[0].automationDetails.id is this plus '/'; empty = "hookguard". Code scanning
  // keeps one set of alerts per id, and its upload's `category` input only fills in a missing id.
  std::string sarifCategory = {};
  // --unsafe-fixes: unsafe fixes count as applicable (the text report's [*] marker).
  bool unsafeFixes = false;
};

void writeSarif(std::ostream& out, const ReportInput& input);
void writeText(std::ostream& out, const ReportInput& input);
void writeGcc(std::ostream& out, const ReportInput& input);
void writeJson(std::ostream& out, const ReportInput& input);
// GitHub Actions workflow commands (`::error file=...,line=...::message`), one per unsuppressed
// finding: annotations on the pull request's diff without a code scanning upload.
void writeGithub(std::ostream& out, const ReportInput& input);

}  // namespace hg
