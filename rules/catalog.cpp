// The metadata of every rule in the catalog (the public contract: ids, names, levels,
// severities and CWEs never change meaning). Rules take their RuleMeta from here, so the
// table is the one place these facts are written.
#include <string_view>

#include "core/embedded.h"
#include "engine/engine.h"

namespace hg {

namespace {

struct Row {
  const char* id;
  const char* name;
  Level level;
  const char* severity;
  std::vector<std::string> cwes;
  const char* description;
  const char* precision;
};

std::vector<RuleMeta> buildCatalog() {
  const Row rows[] = {
      {"WH101", "missing-signature-verification", Level::Error, "8.1", {"CWE-345"},
       "Webhook handler uses the request without verifying its signature", "high"},
      {"WH102", "timing-unsafe-compare", Level::Error, "7.4", {"CWE-208"},
       "Signature, MAC or token compared with a non-constant-time comparison", "high"},
      {"WH103", "verify-after-use", Level::Warning, "6.5", {"CWE-696"},
       "Payload parsed or acted on before the signature is verified", "medium"},
      {"WH104", "signature-over-parsed-body", Level::Error, "7.5", {"CWE-347"},
       "MAC computed over a parsed or re-serialised body instead of the raw bytes", "high"},
      {"WH105", "fail-open-verification", Level::Error, "8.1", {"CWE-636"},
       "Signature verification that can be bypassed", "medium"},
      {"WH106", "weak-signature-algorithm", Level::Warning, "5.9", {"CWE-328"},
       "Webhook MAC uses MD5, SHA-1 or a plain hash instead of HMAC", "high"},
      {"WH107", "hardcoded-webhook-secret", Level::Error, "7.5", {"CWE-798"},
       "Webhook secret written in the source code", "high"},
      {"WH201", "missing-replay-protection", Level::Warning, "6.5", {"CWE-294"},
       "Webhook handler has no timestamp freshness check or delivery de-duplication", "medium"},
      {"WH202", "unsigned-timestamp", Level::Warning, "6.5", {"CWE-294"},
       "Freshness check uses a timestamp that is not covered by the signature", "medium"},
      {"WH203", "weak-timestamp-window", Level::Warning, "5.3", {"CWE-294"},
       "Freshness check accepts future timestamps or an overly long window", "high"},
      {"WH301", "missing-body-size-limit", Level::Warning, "5.3", {"CWE-770"},
       "Application serving a webhook sets no request body size limit", "medium"},
      {"WH302", "excessive-body-size-limit", Level::Warning, "4.3", {"CWE-770"},
       "Request body size limit is disabled or larger than the configured maximum", "high"},
      {"WH401", "ssrf-unvalidated-url", Level::Error, "8.6", {"CWE-918"},
       "URL from the request reaches an outbound request without validation", "high"},
      {"WH402", "open-redirect", Level::Warning, "6.1", {"CWE-601"},
       "URL from the request reaches a redirect without validation", "high"},
      {"WH403", "outbound-request-without-timeout", Level::Note, "3.7", {"CWE-400"},
       "Outbound request made while handling a request has no timeout", "high"},
      {"WH501", "unvalidated-payload", Level::Note, "4.0", {"CWE-20"},
       "Payload fields used without schema validation", "medium"},
      {"WH502", "payload-object-reference", Level::Warning, "6.5", {"CWE-639"},
       "Identifier from the payload selects a database object without scoping to the sender", "medium"},
      {"WH503", "payload-code-injection", Level::Error, "9.8", {"CWE-502", "CWE-94"},
       "Payload data reaches deserialisation or code execution", "high"},
  };
  std::vector<RuleMeta> out;
  for (const Row& row : rows) {
    RuleMeta meta;
    meta.id = row.id;
    meta.name = row.name;
    meta.level = row.level;
    meta.securitySeverity = row.severity;
    meta.cwes = row.cwes;
    meta.shortDescription = row.description;
    meta.precision = row.precision;
    // The rule's documentation file is named "<id>_<snake_case_name>.md".
    std::string prefix = meta.id + "_";
    for (const EmbeddedFile& doc : embeddedRuleDocs()) {
      if (doc.name.starts_with(prefix)) meta.docMarkdown = std::string(doc.content);
    }
    out.push_back(std::move(meta));
  }
  return out;
}

}  // namespace

const std::vector<RuleMeta>& catalogMetadata() {
  static const std::vector<RuleMeta> catalog = buildCatalog();
  return catalog;
}

const RuleMeta* catalogEntry(const std::string& id) {
  for (const RuleMeta& meta : catalogMetadata()) {
    if (meta.id == id) return &meta;
  }
  return nullptr;
}

}  // namespace hg
