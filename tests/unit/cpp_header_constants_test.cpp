// String constants and macros of the scanned tree's headers: the literal a unit reads from
// them is located in the header, and a header's string constant is a global of the unit, so
// that WH107 reports a hard-coded key where it is written.
#include <gtest/gtest.h>

#include <set>

#include "cpp_fixture.h"
#include "engine/engine.h"

namespace hg {
namespace {

using testing::CppScan;

constexpr const char* kConfig = R"(#pragma once
#include <string>
#define HOOK_SECRET "whsec_2b9d71e0c4a8f365"
#define SANDBOX_SECRET "changeme"
namespace svc {
inline constexpr const char* kSigningKey = "sk_live_81f0c3a9d2e4";
static const std::string kOpsToken = "ops_5e1a7c9b3d";
constexpr int kPort = 8443;
}
)";

constexpr const char* kHooks = R"(#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <cstdlib>
#include <cstring>
#include <string>
#include "svc/config.h"
#define LOCAL_SECRET "local_7f3e9a1c5b"

unsigned char mac[64];
unsigned int length = 0;

void mac_with(const char* key, const httplib::Request& req) {
  HMAC(EVP_sha256(), key, static_cast<int>(std::strlen(key)),
       reinterpret_cast<const unsigned char*>(req.body.data()), req.body.size(), mac, &length);
}

void keyed(const httplib::Request& req) {
  HMAC(EVP_sha256(), HOOK_SECRET, 24, reinterpret_cast<const unsigned char*>(req.body.data()), req.body.size(), mac, &length);
  HMAC(EVP_sha256(), svc::kSigningKey, 20, reinterpret_cast<const unsigned char*>(req.body.data()), req.body.size(), mac, &length);
  HMAC(EVP_sha256(), LOCAL_SECRET, 16, reinterpret_cast<const unsigned char*>(req.body.data()), req.body.size(), mac, &length);
  mac_with(SANDBOX_SECRET, req);
  mac_with(std::getenv("HOOK_KEY"), req);
}

bool token(const httplib::Request& req) { return req.get_header_value("X-Ops-Token") == svc::kOpsToken; }
)";

std::set<std::string> wh107(const Program& program) {
  Diagnostics diags;
  std::set<std::string> out;
  for (const Finding& f : runRules(program, Knowledge::builtin(), EngineConfig{}, diags)) {
    if (f.ruleId != "WH107") continue;
    out.insert(program.sources.get(f.location.file).displayPath + ":" + std::to_string(f.location.line) + ":" +
               std::to_string(f.location.column));
  }
  return out;
}

TEST(CppHeaderConstants, MacroLiteralsAreLocatedAtTheirDefinition) {
  CppScan scan;
  Program& program = scan.analyze({{"include/svc/config.h", kConfig}, {"src/hooks.cpp", kHooks}});
  const Function& keyed = ::functionNamed(program, "src.hooks.keyed");
  std::set<std::string> spans;
  for (const Expr& e : keyed.exprs) {
    if (e.kind != ExprKind::Literal || e.literal != LiteralKind::String || e.span.file >= program.sources.size()) continue;
    spans.insert(program.sources.get(e.span.file).displayPath + ":" + std::to_string(e.span.line) + ":" +
                 std::to_string(e.span.column) + "-" + std::to_string(e.span.endColumn) + " " + e.text);
  }
  EXPECT_EQ(spans, (std::set<std::string>{"include/svc/config.h:3:21-45 whsec_2b9d71e0c4a8f365",
                                           "include/svc/config.h:4:24-34 changeme",
                                           "src/hooks.cpp:24:24-34 HOOK_KEY",
                                           "src/hooks.cpp:9:22-40 local_7f3e9a1c5b"}));
}

TEST(CppHeaderConstants, HeaderStringConstantsReadByTheUnitAreItsGlobals) {
  CppScan scan;
  Program& program = scan.analyze({{"include/svc/config.h", kConfig}, {"src/hooks.cpp", kHooks}});
  const Function& body = ::functionNamed(program, "src.hooks.<module>");
  std::set<std::string> assigned;
  for (const Block& block : body.blocks) {
    for (const Stmt& stmt : block.stmts) {
      if (stmt.kind != StmtKind::Assign || stmt.targets.size() != 1) continue;
      const Expr& target = body.expr(stmt.targets[0]);
      if (target.binding.find("::") == std::string::npos) continue;
      assigned.insert(target.binding + " @ " + program.sources.get(stmt.span.file).displayPath + ":" +
                      std::to_string(stmt.span.line));
    }
  }
  // kPort is no string, and nothing reads it.
  EXPECT_EQ(assigned, (std::set<std::string>{"svc::kOpsToken @ include/svc/config.h:7",
                                             "svc::kSigningKey @ include/svc/config.h:6"}));
}

TEST(CppHeaderConstants, HardcodedKeysAreReportedInTheHeader) {
  CppScan scan;
  Program& program = scan.analyze({{"include/svc/config.h", kConfig}, {"src/hooks.cpp", kHooks}});
  EXPECT_EQ(wh107(program), (std::set<std::string>{"include/svc/config.h:3:21", "include/svc/config.h:6:1",
                                                   "include/svc/config.h:7:1", "src/hooks.cpp:9:22"}))
      << scan.diagnosticText();
}

TEST(CppHeaderConstants, HeadersOutsideTheScanKeepTheUseSite) {
  CppScan scan;
  // The header is on disk (found by the include) but not scanned, like a vendored SDK's.
  scan.write("include/svc/config.h", kConfig);
  Program& program = scan.analyze({{"src/hooks.cpp", kHooks}});
  std::set<std::string> found = wh107(program);
  EXPECT_TRUE(found.count("src/hooks.cpp:20:22")) << ::testing::PrintToString(found);
  for (const std::string& f : found) EXPECT_FALSE(f.starts_with("include/")) << f;
}

}  // namespace
}  // namespace hg
