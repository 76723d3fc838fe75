// writeSarif lives apart from the log builder: it is the only reporter that needs the engine's
// rule catalog (tool.driver.rules lists every rule, not only those that fired).
#include "engine/engine.h"
#include "report/report.h"
#include "report/sarif_log.h"

namespace hg {

void writeSarif(std::ostream& out, const ReportInput& input) {
  std::vector<RuleMeta> catalog;
  for (const auto& rule : allRules()) catalog.push_back(rule->meta());
  out << renderSarif(input, catalog);
}

}  // namespace hg
