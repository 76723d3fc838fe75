#include "lsp/rule_docs.h"

#include <cctype>

#include "core/embedded.h"
#include "engine/engine.h"
#include "report/sarif_log.h"
#include "report/uri.h"

namespace hg::lsp {

const RuleMeta* ruleNamedBy(std::string_view word) {
  if (word.empty() || word.size() > 100) return nullptr;
  std::string upper(word);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (const RuleMeta* rule = catalogEntry(upper)) return rule;
  for (const RuleMeta& rule : catalogMetadata()) {
    if (rule.name == word) return &rule;
  }
  return nullptr;
}

std::string ruleDocumentationUri(const RuleMeta& rule) {
  std::string fileName = rule.id + ".md";
  for (const EmbeddedFile& doc : embeddedRuleDocs()) {
    if (doc.name.starts_with(rule.id + "_")) {
      fileName = std::string(doc.name);
      break;
    }
  }
  return std::string(kDefaultInformationUri) + "rules/" + percentEncodePath(fileName);
}

}  // namespace hg::lsp
