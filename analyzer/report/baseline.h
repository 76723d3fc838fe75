// `--baseline`: the findings of an earlier run, read back from its SARIF log, so that a scan
// reports only what is new. A finding is known when the log holds a result with the same rule
// id and the same partialFingerprints.primaryLocationLineHash (report/line_hash.h): the hash
// follows the reported line's text, not its number, so edits elsewhere in the file keep it.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/finding.h"
#include "core/program.h"

namespace hg {

struct BaselineError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Baseline {
 public:
  // Reads the results of the hookguard runs of a SARIF log, leaving out those suppressed in
  // source. Throws BaselineError (naming `origin`) when the text is not a SARIF log with a
  // hookguard run.
  static Baseline parse(std::string_view sarifText, const std::string& origin);

  size_t size() const;

  // Removes the findings the baseline holds; each baseline result accounts for one finding
  // (two identical findings where the baseline had one leave one reported). Findings whose
  // line cannot be hashed are kept. Returns how many were removed.
  size_t filter(const Program& program, std::vector<Finding>& findings) const;

 private:
  std::map<std::pair<std::string, std::string>, size_t> known_;  // (rule id, line hash) -> count
};

}  // namespace hg
