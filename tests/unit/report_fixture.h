// A hand-built Program with two files and findings of every shape (plain, related locations,
// data flow, suppressed) for the reporter tests.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/finding.h"
#include "core/program.h"
#include "core/rule_meta.h"
#include "report/report.h"

namespace hg::testing {

inline constexpr const char* kHooksPy =
    "from flask import Flask, request\n"                          // 1
    "import requests\n"                                           // 2
    "\n"                                                          // 3
    "app = Flask(__name__)\n"                                     // 4
    "\n"                                                          // 5
    "\n"                                                          // 6
    "@app.route(\"/webhook/stripe\", methods=[\"POST\"])\n"       // 7
    "def stripe_webhook():\n"                                     // 8
    "    data = request.get_json()\n"                             // 9
    "    url = data[\"callback\"]\n"                              // 10
    "    requests.get(url)  # hookguard: ignore[WH403]\n"         // 11
    "    return \"ok\"\n";                                        // 12

// A path with a space and non-ASCII characters, and a line with a wide character and a tab.
inline constexpr const char* kUnicodePy =
    "# \xE6\x97\xA5\xE6\x9C\xAC\n"                    // 1: "# 日本"
    "def h\xC3\xA9(x):\n"                             // 2: "def hé(x):"
    "\treturn eval(x)  # \xE6\x97\xA5\n";             // 3: "\treturn eval(x)  # 日"

struct ReportFixture {
  Program program;
  std::vector<Finding> findings;
  std::vector<RunDiagnostic> diagnostics;
  FileId hooks = kNoFile;
  FileId unicode = kNoFile;

  ReportFixture() {
    SourceFile a;
    a.displayPath = "app/hooks.py";
    // No absolutePath: in-memory sources (not re-read from disk for fingerprints).
    a.text = kHooksPy;
    hooks = program.sources.add(std::move(a));
    SourceFile b;
    b.displayPath = "my dir/\xC3\xBCn\xC3\xAF/code.py";  // "my dir/ünï/code.py"
    b.text = kUnicodePy;
    unicode = program.sources.add(std::move(b));
  }

  Span span(FileId f, uint32_t line, uint32_t col, uint32_t endLine, uint32_t endCol) const {
    return Span{f, line, col, endLine, endCol};
  }

  // Findings deliberately out of order: reporters sort.
  void addStandardFindings() {
    Finding ssrf;
    ssrf.ruleId = "WH401";
    ssrf.level = Level::Error;
    ssrf.message = "POST /webhook/stripe handler stripe_webhook passes a url from the request to requests.get()";
    ssrf.location = span(hooks, 11, 5, 11, 22);
    ssrf.flow = {{span(hooks, 9, 12, 9, 30), "value read from the request here"},
                 {span(hooks, 10, 11, 10, 27), "flows into url"},
                 {span(hooks, 11, 5, 11, 17), "reaches the outbound request"}};
    ssrf.help = "check the host against an allowlist before fetching";
    findings.push_back(ssrf);

    Finding missing;
    missing.ruleId = "WH101";
    missing.level = Level::Error;
    missing.message = "POST /webhook/stripe handler stripe_webhook reads request.get_json() without verifying a signature";
    missing.location = span(hooks, 8, 1, 8, 22);
    missing.related = {{span(hooks, 7, 2, 7, 48), "route declared here"}};
    findings.push_back(missing);

    Finding timeout;
    timeout.ruleId = "WH403";
    timeout.level = Level::Note;
    timeout.message = "requests.get() in handler stripe_webhook has no timeout";
    timeout.location = span(hooks, 11, 5, 11, 22);
    timeout.suppressions = {{span(hooks, 11, 24, 11, 50)}};
    findings.push_back(timeout);

    Finding eval;
    eval.ruleId = "WH503";
    eval.level = Level::Error;
    eval.message = "payload data reaches eval()";
    eval.location = span(unicode, 3, 9, 3, 16);
    findings.push_back(eval);
  }

  ReportInput input(bool color = false) const {
    return ReportInput{program, findings, diagnostics, "/repo root", color};
  }
};

inline std::vector<RuleMeta> testCatalog() {
  auto rule = [](std::string id, std::string name, Level level, std::string sev, std::vector<std::string> cwes,
                 std::string shortText, std::string doc) {
    RuleMeta m;
    m.id = std::move(id);
    m.name = std::move(name);
    m.level = level;
    m.securitySeverity = std::move(sev);
    m.cwes = std::move(cwes);
    m.shortDescription = std::move(shortText);
    m.docMarkdown = std::move(doc);
    return m;
  };
  return {
      rule("WH101", "missing-signature-verification", Level::Error, "8.1", {"CWE-345"},
           "Webhook handler uses the request without verifying its signature",
           "# WH101: missing-signature-verification\n\n## What it does\nChecks that every webhook handler\n"
           "verifies the **signature** of the request.\n\n## Why is this bad?\nAnyone can call it.\n\n"
           "## Example\n```python\n@app.post('/hook')\ndef hook():\n    return request.json\n```\n\n"
           "## References\n- [Stripe docs](https://docs.stripe.com/webhooks)\n"),
      rule("WH401", "ssrf-unvalidated-url", Level::Error, "8.6", {"CWE-918"},
           "A URL from the request reaches an outbound request", ""),
      rule("WH403", "outbound-request-without-timeout", Level::Note, "3.7", {"CWE-400"},
           "An outbound request has no timeout", "## What it does\nFinds requests without `timeout=`.\n"),
      rule("WH503", "payload-code-injection", Level::Error, "9.8", {"CWE-502", "CWE-94"},
           "Payload data reaches code execution", "## What it does\nFinds eval.\n"),
  };
}

}  // namespace hg::testing
