#include <algorithm>
#include <cctype>

#include "report/rule_help.h"
#include "report/sarif_parts.h"

namespace hg {
namespace {

// GitHub turns "external/cwe/cwe-345" tags into CWE links and filters.
std::string cweTag(std::string cwe) {
  std::transform(cwe.begin(), cwe.end(), cwe.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return "external/cwe/" + cwe;
}

}  // namespace

SarifJson sarifRule(const RuleMeta& rule) {
  std::string shortText = rule.shortDescription.empty() ? rule.name : rule.shortDescription;
  std::string fullText = whatItDoes(rule.docMarkdown);
  if (fullText.empty()) fullText = shortText;
  // Code scanning requires help.text; a rule whose document is missing still gets one.
  std::string helpText = rule.docMarkdown.empty() ? fullText : markdownToText(rule.docMarkdown);
  std::string helpMarkdown = rule.docMarkdown.empty() ? fullText : rule.docMarkdown;

  SarifJson tags = SarifJson::array({"security"});
  for (const std::string& cwe : rule.cwes) tags.push_back(cweTag(cwe));

  SarifJson properties = {{"tags", tags}, {"precision", rule.precision}};
  if (!rule.securitySeverity.empty()) properties["security-severity"] = rule.securitySeverity;

  return SarifJson{
      {"id", rule.id},
      {"name", rule.name},
      {"shortDescription", {{"text", shortText}}},
      {"fullDescription", {{"text", fullText}}},
      {"defaultConfiguration", {{"level", levelName(rule.level)}}},
      {"help", {{"text", helpText}, {"markdown", helpMarkdown}}},
      {"properties", properties},
  };
}

}  // namespace hg
