// Calls across C++ translation units: a helper defined in another scanned file is linked to its
// definition by its declaration's name, and one defined nowhere in the scan is summarised from
// its declaration when its name and signature say it checks a signature.
#include <gtest/gtest.h>

#include "cpp/unit_links.h"
#include "cpp_fixture.h"
#include "engine/engine.h"

namespace hg {
namespace {

using testing::CppScan;

// The server API the handlers use, declared in the project (no framework header needed).
constexpr const char* kServer = R"(#pragma once
#include <functional>
#include <string>
namespace svc::net {
struct HttpRequest {
  std::string body;
  std::string header(const std::string& name) const;
};
struct HttpResponse { int status = 200; };
class Server {
 public:
  void addHandler(const std::string& method, const std::string& path,
                  std::function<void(const HttpRequest&, HttpResponse&)> handler);
};
}  // namespace svc::net
)";

constexpr const char* kCryptoHeader = R"(#pragma once
#include <string>
namespace svc::crypto {
bool verify(const std::string& secret, const std::string& body, const std::string& signature);
class Signer {
 public:
  static bool check(const std::string& body, const std::string& signature);
  bool matches(const std::string& body, const std::string& signature) const;
};
}  // namespace svc::crypto
)";

constexpr const char* kCryptoSource = R"(#include "svc/crypto.h"
#include <openssl/crypto.h>
namespace svc::crypto {
bool verify(const std::string& secret, const std::string& body, const std::string& signature) {
  return body.size() == signature.size() && CRYPTO_memcmp(body.data(), signature.data(), body.size()) == 0 && !secret.empty();
}
bool Signer::check(const std::string& body, const std::string& signature) {
  return CRYPTO_memcmp(body.data(), signature.data(), body.size()) == 0;
}
bool Signer::matches(const std::string& body, const std::string& signature) const { return check(body, signature); }
}  // namespace svc::crypto
)";

// A handler (a lambda registered on the project's server) calling `call`.
std::string handlerCalling(const std::string& includes, const std::string& call) {
  return includes + "#include \"svc/net/server.h\"\n"
         "void install(svc::net::Server& server, const std::string& secret) {\n"
         "  server.addHandler(\"POST\", \"/webhooks/orders\", [secret](const svc::net::HttpRequest& req, svc::net::HttpResponse& res) {\n"
         "    if (!" + call + ") { res.status = 401; return; }\n"
         "    res.status = 204;\n"
         "  });\n"
         "}\n";
}

// The function a call named `qualified` in the route's handler reaches.
FunctionId calleeIn(const Program& program, const std::string& qualified) {
  EXPECT_EQ(program.routes.size(), 1u);
  if (program.routes.empty()) return kNoFunction;
  const Function& handler = program.function(program.routes[0].handler);
  for (const Expr& e : handler.exprs) {
    if (e.kind == ExprKind::Call && e.qualified == qualified) return e.function;
  }
  ADD_FAILURE() << "no call of " << qualified << " in\n" << describeCfg(handler);
  return kNoFunction;
}

std::vector<std::string> rulesFound(const Program& program) {
  Diagnostics diags;
  std::vector<std::string> out;
  for (const Finding& f : runRules(program, Knowledge::builtin(), EngineConfig{}, diags)) out.push_back(f.ruleId);
  return out;
}

bool has(const std::vector<std::string>& rules, const std::string& id) {
  return std::find(rules.begin(), rules.end(), id) != rules.end();
}

TEST(CppUnitLinks, FreeFunctionDefinedInAnotherFile) {
  CppScan scan;
  scan.write(".git/HEAD", "");
  Program& program = scan.analyze({{"include/svc/net/server.h", kServer},
                                   {"include/svc/crypto.h", kCryptoHeader},
                                   {"src/crypto.cpp", kCryptoSource},
                                   {"src/hooks.cpp", handlerCalling("#include \"svc/crypto.h\"\n",
                                                                    "svc::crypto::verify(secret, req.body, req.header(\"X-Signature\"))")}});
  const FunctionId target = calleeIn(program, "svc::crypto::verify");
  ASSERT_NE(target, kNoFunction) << scan.diagnosticText();
  EXPECT_EQ(program.function(target).qualified, "src.crypto.svc.crypto.verify");
  EXPECT_EQ(scan.diagnosticText().find("headers not found"), std::string::npos) << scan.diagnosticText();
  EXPECT_FALSE(has(rulesFound(program), "WH101"));
}

TEST(CppUnitLinks, StaticAndInstanceMethodsOfAClassInItsOwnFile) {
  CppScan scan;
  scan.write(".git/HEAD", "");
  Program& program = scan.analyze({{"include/svc/net/server.h", kServer},
                                   {"include/svc/crypto.h", kCryptoHeader},
                                   {"src/crypto.cpp", kCryptoSource},
                                   {"src/hooks.cpp", handlerCalling("#include \"svc/crypto.h\"\n",
                                                                    "svc::crypto::Signer::check(req.body, req.header(\"X-Signature\"))")},
                                   {"src/more.cpp", handlerCalling("#include \"svc/crypto.h\"\nstatic svc::crypto::Signer signer;\n",
                                                                   "signer.matches(req.body, req.header(\"X-Signature\"))")}});
  ASSERT_EQ(program.routes.size(), 2u) << scan.diagnosticText();
  for (const Route& r : program.routes) {
    const Function& handler = program.function(r.handler);
    bool linked = false;
    for (const Expr& e : handler.exprs) {
      if (e.kind == ExprKind::Call && e.function != kNoFunction && e.function < program.functionCount())
        linked = linked || program.function(e.function).qualified.starts_with("src.crypto.svc.crypto.Signer.");
    }
    EXPECT_TRUE(linked) << describeCfg(handler);
  }
  EXPECT_FALSE(has(rulesFound(program), "WH101"));
}

TEST(CppUnitLinks, InternalLinkageIsNotLinkedAcrossFiles) {
  CppScan scan;
  scan.write(".git/HEAD", "");
  Program& program = scan.analyze(
      {{"include/svc/net/server.h", kServer},
       {"src/a.cpp", "#include <string>\nstatic bool verify_hmac(const std::string& b, const std::string& s) { return b == s; }\n"
                     "namespace { bool check_signature(const std::string& b) { return !b.empty(); } }\n"},
       {"src/hooks.cpp", handlerCalling("#include <string>\nbool verify_hmac(const std::string& b, const std::string& s);\n",
                                        "verify_hmac(req.body, req.header(\"X-Signature\"))")}});
  const FunctionId target = calleeIn(program, "verify_hmac");
  // Not a.cpp's static function: the declaration (no body in the scan) is summarised instead.
  ASSERT_NE(target, kNoFunction);
  EXPECT_EQ(program.function(target).file, program.routes[0].declaration.file);
  EXPECT_EQ(program.function(target).qualified, "verify_hmac");
}

TEST(CppUnitLinks, NearestDefinitionWinsWhenTwoProgramsShareAName) {
  CppScan scan;
  scan.write(".git/HEAD", "");
  const std::string def = "#include <string>\nbool verify_webhook(const std::string& body) { return !body.empty(); }\n";
  Program& program = scan.analyze(
      {{"include/svc/net/server.h", kServer},
       {"other/lib/verify.cpp", def},
       {"svc/lib/verify.cpp", def},
       {"svc/hooks.cpp", handlerCalling("#include <string>\nbool verify_webhook(const std::string& body);\n",
                                        "verify_webhook(req.body)")}});
  const FunctionId target = calleeIn(program, "verify_webhook");
  ASSERT_NE(target, kNoFunction);
  EXPECT_EQ(program.sources.get(program.function(target).file).displayPath, "svc/lib/verify.cpp");
}

TEST(CppUnitLinks, DeclaredOnlyVerifierIsSummarisedFromItsDeclaration) {
  CppScan scan;
  scan.write(".git/HEAD", "");
  Program& program = scan.analyze(
      {{"include/svc/net/server.h", kServer},
       {"include/partner/sdk.h", "#pragma once\n#include <string>\nnamespace partner {\n"
                                 "bool verify_delivery_signature(const std::string& body, const std::string& sig);\n}\n"},
       {"src/hooks.cpp", handlerCalling("#include \"partner/sdk.h\"\n",
                                        "partner::verify_delivery_signature(req.body, req.header(\"X-Partner-Signature\"))")}});
  const FunctionId target = calleeIn(program, "partner::verify_delivery_signature");
  ASSERT_NE(target, kNoFunction) << scan.diagnosticText();
  EXPECT_EQ(program.function(target).params.size(), 2u);
  EXPECT_FALSE(has(rulesFound(program), "WH101"));
}

TEST(CppUnitLinks, DeclarationsThatSayNothingAboutSignaturesStayUnknown) {
  CppScan scan;
  scan.write(".git/HEAD", "");
  Program& program = scan.analyze(
      {{"include/svc/net/server.h", kServer},
       {"include/partner/sdk.h", "#pragma once\n#include <string>\nnamespace partner {\n"
                                 "bool is_subscribed_event(const std::string& body);\n}\n"},
       {"src/hooks.cpp", handlerCalling("#include \"partner/sdk.h\"\n", "partner::is_subscribed_event(req.body)")}});
  EXPECT_EQ(calleeIn(program, "partner::is_subscribed_event"), kNoFunction);
  EXPECT_TRUE(has(rulesFound(program), "WH101"));
}

TEST(CppUnitLinks, DeclaredVerifierNeedsABoolResultArgumentsAndAProjectHeader) {
  const Knowledge knowledge = Knowledge::builtin();
  cpp::DeclaredCallee callee;
  callee.name = "verifyHmacSignature";
  callee.returnsBool = true;
  callee.params.resize(2);
  EXPECT_TRUE(cpp::declaredVerifier(callee, knowledge));
  for (const char* name : {"check_webhook_signature", "isValidHMAC", "VerifySig", "signature_matches"}) {
    callee.name = name;
    EXPECT_TRUE(cpp::declaredVerifier(callee, knowledge)) << name;
  }
  for (const char* name : {"verify_user", "is_subscribed_event", "signature_of", "parse_signature", "checkout"}) {
    callee.name = name;
    EXPECT_FALSE(cpp::declaredVerifier(callee, knowledge)) << name;
  }
  callee.name = "verify_signature";
  callee.returnsBool = false;  // void may throw or may not: unknown
  EXPECT_FALSE(cpp::declaredVerifier(callee, knowledge));
  callee.returnsBool = true;
  callee.systemHeader = true;
  EXPECT_FALSE(cpp::declaredVerifier(callee, knowledge));
  callee.systemHeader = false;
  callee.params.clear();
  EXPECT_FALSE(cpp::declaredVerifier(callee, knowledge));
}

}  // namespace
}  // namespace hg
