// The language server in process, with the real scan pipeline over a scratch workspace:
// lifecycle, error answers to malformed messages, diagnostics pushed on open/change/close,
// position encodings, the suppression code action and hover on rule ids.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/editor_scan.h"
#include "lsp/file_uri.h"
#include "lsp/ignore_comments.h"
#include "lsp/server.h"

namespace hg::lsp {
namespace {

namespace fs = std::filesystem;

class RecordingSink : public MessageSink {
 public:
  void send(const Json& message) override { sent.push_back(message); }
  std::vector<Json> sent;
};

const char* const kWebhook =
    "from flask import Flask, request\n"
    "\n"
    "app = Flask(__name__)\n"
    "\n"
    "\n"
    "@app.route(\"/webhook/stripe\", methods=[\"POST\"])\n"
    "def stripe_webhook():\n"
    "    event = request.get_json()\n"
    "    return {\"received\": event[\"id\"]}\n";

class LspServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "hookguard-lsp-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = fs::canonical(pattern);
    fs::create_directory(root_ / ".git");
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const std::string& relative, const std::string& text) {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative, std::ios::binary) << text;
  }
  std::string uri(const std::string& relative) const { return uriOfPath((root_ / relative).string()); }

  // Sends a request and returns the response with its id.
  Json request(const std::string& method, const Json& params) {
    const int id = nextId_++;
    server_.handleMessage(Json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
    for (const Json& message : sink_.sent) {
      if (message.contains("id") && message["id"] == id) return message;
    }
    ADD_FAILURE() << "no response to " << method;
    return Json();
  }
  void notify(const std::string& method, const Json& params) {
    server_.handleMessage(Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump());
  }
  Json initialize(const Json& capabilities = Json::object()) {
    Json response = request("initialize", {{"processId", nullptr}, {"rootUri", uriOfPath(root_.string())},
                                           {"capabilities", capabilities}});
    notify("initialized", Json::object());
    return response;
  }
  void open(const std::string& relative, const std::string& text) {
    notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri(relative)}, {"languageId", "python"}, {"version", 1}, {"text", text}}}});
  }
  // The diagnostics of the last publishDiagnostics for the document, after the server went idle.
  Json published(const std::string& relative) {
    server_.idle();
    for (auto it = sink_.sent.rbegin(); it != sink_.sent.rend(); ++it) {
      if ((*it).value("method", "") == "textDocument/publishDiagnostics" && (*it)["params"]["uri"] == uri(relative))
        return (*it)["params"]["diagnostics"];
    }
    ADD_FAILURE() << "nothing published for " << relative;
    return Json::array();
  }
  // The code actions offered for one diagnostic of a document.
  Json codeActionsFor(const std::string& relative, const Json& diagnostic) {
    return request("textDocument/codeAction", {{"textDocument", {{"uri", uri(relative)}}},
                                               {"range", diagnostic["range"]},
                                               {"context", {{"diagnostics", Json::array({diagnostic})}}}})["result"];
  }
  static const Json* withCode(const Json& diagnostics, const std::string& code) {
    for (const Json& d : diagnostics) {
      if (d.value("code", "") == code) return &d;
    }
    return nullptr;
  }

  fs::path root_;
  RecordingSink sink_;
  Server server_{sink_, scanWithProjectConfig};
  int nextId_ = 1;
};

TEST_F(LspServerTest, LifecycleAndExitCodes) {
  Json early = request("textDocument/hover", Json::object());
  EXPECT_EQ(early["error"]["code"], -32002);
  Json init = initialize();
  const Json& capabilities = init["result"]["capabilities"];
  EXPECT_EQ(capabilities["positionEncoding"], "utf-16");
  EXPECT_EQ(capabilities["textDocumentSync"]["change"], 2);
  EXPECT_EQ(capabilities["hoverProvider"], true);
  EXPECT_TRUE(capabilities.contains("codeActionProvider"));
  EXPECT_EQ(request("initialize", Json::object())["error"]["code"], -32600);
  EXPECT_EQ(request("workspace/symbol", Json::object())["error"]["code"], -32601);
  EXPECT_FALSE(server_.exitCode());
  EXPECT_EQ(server_.exitCodeAtEndOfInput(), 1);
  Json shutdown = request("shutdown", nullptr);
  EXPECT_TRUE(shutdown.contains("result") && shutdown["result"].is_null()) << shutdown;
  EXPECT_EQ(request("textDocument/hover", Json::object())["error"]["code"], -32600);
  notify("exit", nullptr);
  EXPECT_EQ(server_.exitCode(), 0);
}

TEST_F(LspServerTest, ExitWithoutShutdownIsOne) {
  initialize();
  notify("exit", nullptr);
  EXPECT_EQ(server_.exitCode(), 1);
}

TEST_F(LspServerTest, MalformedMessagesGetErrorsNotCrashes) {
  initialize();
  const size_t before = sink_.sent.size();
  for (const std::string& body :
       {std::string("{"), std::string("[]"), std::string("42"), std::string("\"\xFF\""),
        std::string(R"({"jsonrpc":"2.0","id":{},"method":"shutdown"})"), std::string(R"({"jsonrpc":"2.0","id":7})"),
        std::string(R"({"jsonrpc":"1.0","id":8,"method":"shutdown"})"),
        std::string(R"({"jsonrpc":"2.0","id":9,"method":"shutdown","params":3})"),
        std::string(R"({"jsonrpc":"2.0","id":10,"method":7})")}) {
    server_.handleMessage(body);
  }
  ASSERT_EQ(sink_.sent.size(), before + 9);
  const int expected[] = {-32700, -32600, -32600, -32700, -32600, -32600, -32600, -32602, -32600};
  for (size_t i = 0; i < 9; ++i) EXPECT_EQ(sink_.sent[before + i]["error"]["code"], expected[i]) << sink_.sent[before + i];
  EXPECT_TRUE(sink_.sent[before]["id"].is_null());

  // Wrong parameter types: -32602 for requests, a log message for notifications.
  EXPECT_EQ(request("textDocument/hover", {{"textDocument", {{"uri", 5}}}})["error"]["code"], -32602);
  EXPECT_EQ(request("textDocument/codeAction", Json::array({1, 2}))["error"]["code"], -32602);
  notify("textDocument/didOpen", {{"textDocument", "nope"}});
  notify("textDocument/didChange", {{"textDocument", {{"uri", uri("missing.py")}}}, {"contentChanges", Json::array()}});
  EXPECT_EQ(sink_.sent.back()["method"], "window/logMessage");
  server_.handleRejectedFrame("message body of 9 bytes is over the limit of 1 bytes");
  EXPECT_EQ(sink_.sent.back()["error"]["code"], -32600);
  // Still serving.
  EXPECT_TRUE(request("shutdown", nullptr).contains("result"));
}

TEST_F(LspServerTest, PublishesOnOpenAndChangeAndClearsOnClose) {
  write("hooks.py", kWebhook);
  initialize();
  open("hooks.py", kWebhook);
  Json diagnostics = published("hooks.py");
  const Json* wh101 = withCode(diagnostics, "WH101");
  ASSERT_NE(wh101, nullptr) << diagnostics;
  EXPECT_EQ((*wh101)["severity"], 1);
  EXPECT_EQ((*wh101)["source"], "hookguard");
  EXPECT_EQ((*wh101)["range"]["start"], Json({{"line", 6}, {"character", 0}}));
  EXPECT_NE((*wh101)["codeDescription"]["href"].get<std::string>().find("rules/WH101_"), std::string::npos);
  const Json* wh301 = withCode(diagnostics, "WH301");
  ASSERT_NE(wh301, nullptr) << diagnostics;
  EXPECT_EQ((*wh301)["severity"], 2);
  EXPECT_EQ((*wh301)["range"]["start"], Json({{"line", 2}, {"character", 6}}));

  // Non-BMP text before the finding on its line: UTF-16 counts the emoji as two units.
  notify("textDocument/didChange",
         {{"textDocument", {{"uri", uri("hooks.py")}, {"version", 2}}},
          {"contentChanges", Json::array({{{"range", {{"start", {{"line", 2}, {"character", 0}}},
                                                      {"end", {{"line", 2}, {"character", 0}}}}},
                                           {"text", "\xC3\xA9 = \"\xF0\x9F\x98\x80\"; "}}})}});
  diagnostics = published("hooks.py");
  wh301 = withCode(diagnostics, "WH301");
  ASSERT_NE(wh301, nullptr) << diagnostics;
  EXPECT_EQ((*wh301)["range"]["start"], Json({{"line", 2}, {"character", 16}}));
  EXPECT_EQ(sink_.sent.back()["params"]["version"], 2);

  // The disk still holds the first text: what is analyzed is the buffer.
  notify("textDocument/didChange", {{"textDocument", {{"uri", uri("hooks.py")}, {"version", 3}}},
                                    {"contentChanges", Json::array({{{"text", "def add(a, b):\n    return a + b\n"}}})}});
  EXPECT_TRUE(published("hooks.py").empty());

  notify("textDocument/didClose", {{"textDocument", {{"uri", uri("hooks.py")}}}});
  EXPECT_EQ(sink_.sent.back()["params"]["uri"], uri("hooks.py"));
  EXPECT_TRUE(sink_.sent.back()["params"]["diagnostics"].empty());
}

TEST_F(LspServerTest, Utf8PositionsWhenTheClientOffersThem) {
  const std::string text = std::string(kWebhook).replace(std::string(kWebhook).find("app = "), 0,
                                                         "\xC3\xA9 = \"\xF0\x9F\x98\x80\"; ");
  write("hooks.py", text);
  Json init = initialize({{"general", {{"positionEncodings", Json::array({"utf-16", "utf-8"})}}}});
  EXPECT_EQ(init["result"]["capabilities"]["positionEncoding"], "utf-8");
  open("hooks.py", text);
  const Json diagnostics = published("hooks.py");
  const Json* wh301 = withCode(diagnostics, "WH301");
  ASSERT_NE(wh301, nullptr) << diagnostics;
  EXPECT_EQ((*wh301)["range"]["start"], Json({{"line", 2}, {"character", 19}}));
}

// The helper that verifies lives in another module: found through the workspace analysis,
// and an unsaved edit to it (it still reads the signature, so the route stays a webhook, but
// no longer compares it) changes what the view gets.
TEST_F(LspServerTest, CrossFileHelpersAndUnsavedEditsOfOtherFiles) {
  const std::string signing =
      "import hashlib\nimport hmac\nimport os\n\nfrom flask import abort, request\n\n"
      "SECRET = os.environ[\"PARTNER_WEBHOOK_SECRET\"].encode()\n\n\n"
      "def require_signature():\n"
      "    received = request.headers.get(\"X-Partner-Signature\", \"\")\n"
      "    expected = hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest()\n"
      "    if not hmac.compare_digest(expected, received):\n"
      "        abort(401)\n";
  const std::string views =
      "from flask import Blueprint, jsonify, request\n\nfrom .signing import require_signature\n\n"
      "partner = Blueprint(\"partner\", __name__, url_prefix=\"/partner\")\n\n\n"
      "@partner.post(\"/deliveries\")\n"
      "def delivery_update():\n"
      "    require_signature()\n"
      "    update = request.get_json()\n"
      "    return jsonify(id=update[\"delivery_id\"])\n";
  write("partner/__init__.py", "");
  write("partner/signing.py", signing);
  write("partner/views.py", views);
  initialize();
  open("partner/views.py", views);
  EXPECT_EQ(withCode(published("partner/views.py"), "WH101"), nullptr);

  open("partner/signing.py", signing);
  notify("textDocument/didChange",
         {{"textDocument", {{"uri", uri("partner/signing.py")}, {"version", 2}}},
          {"contentChanges", Json::array({{{"text", "from flask import request\n\n\ndef require_signature():\n"
                                                    "    return request.headers.get(\"X-Partner-Signature\")\n"}}})}});
  EXPECT_NE(withCode(published("partner/views.py"), "WH101"), nullptr);
}

// The editor sees what `hookguard scan` would report: the project configuration's rule
// selection and levels apply, and a change to the file applies at the next analysis.
TEST_F(LspServerTest, ProjectConfigurationApplies) {
  write("hooks.py", kWebhook);
  write(".hookguard.toml", "ignore = [\"WH101\"]\n[rules.WH301]\nlevel = \"error\"\n");
  initialize();
  open("hooks.py", kWebhook);
  Json diagnostics = published("hooks.py");
  EXPECT_EQ(withCode(diagnostics, "WH101"), nullptr) << diagnostics;
  const Json* wh301 = withCode(diagnostics, "WH301");
  ASSERT_NE(wh301, nullptr) << diagnostics;
  EXPECT_EQ((*wh301)["severity"], 1);

  write(".hookguard.toml", "select = [\"WH1\"]\n");
  notify("textDocument/didSave", {{"textDocument", {{"uri", uri("hooks.py")}}}});
  diagnostics = published("hooks.py");
  EXPECT_NE(withCode(diagnostics, "WH101"), nullptr) << diagnostics;
  EXPECT_EQ(withCode(diagnostics, "WH301"), nullptr) << diagnostics;
}

// A configuration with a typo: the user is told once (window/showMessage naming file:line) and
// the buffer is still analyzed, with the defaults.
TEST_F(LspServerTest, BrokenConfigurationIsShownAndTheDefaultsApply) {
  write("hooks.py", kWebhook);
  write(".hookguard.toml", "selct = [\"WH1\"]\n");
  initialize();
  open("hooks.py", kWebhook);
  EXPECT_NE(withCode(published("hooks.py"), "WH101"), nullptr);
  notify("textDocument/didChange", {{"textDocument", {{"uri", uri("hooks.py")}, {"version", 2}}},
                                    {"contentChanges", Json::array({{{"text", std::string(kWebhook) + "\n"}}})}});
  EXPECT_NE(withCode(published("hooks.py"), "WH101"), nullptr);
  int shown = 0;
  for (const Json& message : sink_.sent) {
    if (message.value("method", "") != "window/showMessage") continue;
    ++shown;
    const std::string text = message["params"]["message"];
    EXPECT_NE(text.find(".hookguard.toml:1:1: unknown key 'selct'"), std::string::npos) << text;
  }
  EXPECT_EQ(shown, 1);
}

TEST_F(LspServerTest, SuppressionCodeActionAndHover) {
  write("hooks.py", kWebhook);
  initialize();
  open("hooks.py", kWebhook);
  const Json diagnostics = published("hooks.py");
  const Json* wh101 = withCode(diagnostics, "WH101");
  ASSERT_NE(wh101, nullptr) << diagnostics;
  Json actions = codeActionsFor("hooks.py", *wh101);
  ASSERT_EQ(actions.size(), 1u) << actions;
  EXPECT_EQ(actions[0]["title"], "Suppress WH101 on this line");
  const Json& edit = actions[0]["edit"]["changes"][uri("hooks.py")][0];
  EXPECT_EQ(edit["newText"], " # hookguard: ignore[WH101]");
  EXPECT_EQ(edit["range"]["start"], Json({{"line", 6}, {"character", 21}}));

  const std::string suppressed = std::string(kWebhook).replace(std::string(kWebhook).find("def stripe_webhook():") + 21,
                                                               0, "  # hookguard: ignore[WH301, wh101]");
  notify("textDocument/didChange", {{"textDocument", {{"uri", uri("hooks.py")}, {"version", 2}}},
                                    {"contentChanges", Json::array({{{"text", suppressed}}})}});
  Json hover = request("textDocument/hover", {{"textDocument", {{"uri", uri("hooks.py")}}},
                                              {"position", {{"line", 6}, {"character", 52}}}})["result"];
  ASSERT_TRUE(hover.is_object()) << hover;
  EXPECT_NE(hover["contents"]["value"].get<std::string>().find("WH101"), std::string::npos);
  EXPECT_EQ(hover["range"]["start"]["character"], 50);
  EXPECT_EQ(hover["range"]["end"]["character"], 55);
  EXPECT_TRUE(request("textDocument/hover", {{"textDocument", {{"uri", uri("hooks.py")}}},
                                             {"position", {{"line", 6}, {"character", 2}}}})["result"]
                  .is_null());
}

// The same helper as samples/flask/auth_timing_helper.py: WH102 on `expected == signature`.
constexpr const char* kTimingHelper =
    "import hashlib\n"
    "import hmac\n"
    "import os\n"
    "\n"
    "from flask import Flask, abort, request\n"
    "\n"
    "app = Flask(__name__)\n"
    "app.config[\"MAX_CONTENT_LENGTH\"] = 512 * 1024\n"
    "\n"
    "HOOK_SECRET = os.environ[\"BITBUCKET_HOOK_SECRET\"].encode()\n"
    "\n"
    "\n"
    "def signature_valid(body, signature):\n"
    "    expected = \"sha256=\" + hmac.new(HOOK_SECRET, body, hashlib.sha256).hexdigest()\n"
    "    return expected == signature\n"
    "\n"
    "\n"
    "@app.post(\"/hooks/bitbucket\")\n"
    "def bitbucket_push():\n"
    "    if not signature_valid(request.get_data(), request.headers.get(\"X-Hub-Signature\", \"\")):\n"
    "        abort(401)\n"
    "    return \"\", 204\n";

TEST_F(LspServerTest, FixCodeActionAppliesTheFindingsFix) {
  write("helper.py", kTimingHelper);
  initialize();
  open("helper.py", kTimingHelper);
  const Json diagnostics = published("helper.py");
  const Json* wh102 = withCode(diagnostics, "WH102");
  ASSERT_NE(wh102, nullptr) << diagnostics;
  Json actions = codeActionsFor("helper.py", *wh102);
  ASSERT_EQ(actions.size(), 2u) << actions;
  const Json& fix = actions[0];
  EXPECT_EQ(fix["title"], "Fix WH102: use hmac.compare_digest");
  EXPECT_EQ(fix["kind"], "quickfix");
  EXPECT_EQ(fix["isPreferred"], true);
  const Json& edits = fix["edit"]["changes"][uri("helper.py")];
  ASSERT_EQ(edits.size(), 1u) << fix;
  EXPECT_EQ(edits[0]["newText"], "hmac.compare_digest(expected, signature)");
  EXPECT_EQ(edits[0]["range"]["start"], Json({{"line", 14}, {"character", 11}}));
  EXPECT_EQ(edits[0]["range"]["end"], Json({{"line", 14}, {"character", 32}}));
  EXPECT_EQ(actions[1]["title"], "Suppress WH102 on this line");

  // Once the buffer differs from what was analyzed, the offsets would be wrong: no fix.
  notify("textDocument/didChange", {{"textDocument", {{"uri", uri("helper.py")}, {"version", 2}}},
                                    {"contentChanges", Json::array({{{"text", std::string("# x\n") + kTimingHelper}}})}});
  actions = codeActionsFor("helper.py", *wh102);
  for (const Json& action : actions) EXPECT_EQ(action["title"].get<std::string>().find("Fix "), std::string::npos);
}

TEST(LspIgnoreComments, AppendsOrMergesSuppressions) {
  auto apply = [](std::string line, const std::optional<LineEdit>& edit) {
    return line.replace(edit->begin, edit->end - edit->begin, edit->newText);
  };
  std::string line = "    x = f()  ";
  EXPECT_EQ(apply(line, suppressionEdit(wholeLine(line), "WH101", true)), "    x = f() # hookguard: ignore[WH101]");
  line = "int x = f();";
  EXPECT_EQ(apply(line, suppressionEdit(wholeLine(line), "WH302", false)), "int x = f(); // hookguard: ignore[WH302]");
  line = "x = f()  # hookguard: ignore[WH203]";
  EXPECT_EQ(apply(line, suppressionEdit(wholeLine(line), "WH101", true)), "x = f()  # hookguard: ignore[WH203, WH101]");
  line = "x = f()  # hookguard: ignore [WH203,WH301]  # why";
  EXPECT_EQ(apply(line, suppressionEdit(wholeLine(line), "WH101", true)), "x = f()  # hookguard: ignore [WH203,WH301, WH101]  # why");
  line = "f();  // hookguard: ignore[WH301]";
  EXPECT_EQ(apply(line, suppressionEdit(wholeLine(line), "WH302", false)), "f();  // hookguard: ignore[WH301, WH302]");
  line = "x = 1  # hookguard: ignore[WH1 01]";  // malformed: suppresses nothing, so a new comment
  EXPECT_EQ(apply(line, suppressionEdit(wholeLine(line), "WH101", true)),
            "x = 1  # hookguard: ignore[WH1 01] # hookguard: ignore[WH101]");
  EXPECT_FALSE(suppressionEdit(wholeLine("x = f()  # hookguard: ignore[wh101]"), "WH101", true));
  EXPECT_FALSE(suppressionEdit(wholeLine("x = f()  # hookguard: ignore[missing-signature-verification]"), "WH101", true));
  EXPECT_FALSE(suppressionEdit(wholeLine("x = f()  # hookguard: ignore"), "WH101", true));
  EXPECT_FALSE(suppressionEdit(wholeLine("x = f()  # hookguard: ignore[WH1]"), "WH101", true));  // the group
  EXPECT_FALSE(suppressionEdit(wholeLine("#define X f() \\"), "WH101", false));

  const std::string comment = "# hookguard: ignore[WH101, WH203]";
  EXPECT_EQ(ruleWordAt(wholeLine(comment), comment.find("WH203") + 2, true)->word, "WH203");
  EXPECT_EQ(ruleWordAt(wholeLine(comment), comment.find("WH101"), true)->word, "WH101");
  EXPECT_FALSE(ruleWordAt(wholeLine(comment), comment.find("hookguard"), true));
  EXPECT_FALSE(ruleWordAt(wholeLine(comment), comment.find(',') + 1, true));
  EXPECT_FALSE(ruleWordAt(wholeLine(comment), comment.find("WH101"), false));  // '#' is no C++ comment
  EXPECT_FALSE(ruleWordAt(wholeLine("x = 'WH101'"), 6, true));
}

// Like the suppression pass, the quick fix and hover see real comments only: a directive in a
// string is text, and a comment appended to a line that ends inside a string would be text.
TEST(LspIgnoreComments, StringsAreNoComments) {
  auto lineOf = [](std::string_view document, size_t index) {
    size_t start = 0;
    for (size_t i = 0; i < index; ++i) start = document.find('\n', start) + 1;
    size_t end = document.find('\n', start);
    return DocumentLine{document, start, document.substr(start, end - start)};
  };
  auto apply = [](const DocumentLine& line, const std::optional<LineEdit>& edit) {
    std::string text(line.text);
    return text.replace(edit->begin, edit->end - edit->begin, edit->newText);
  };
  const std::string python =
      "x = f('# hookguard: ignore[WH101]')\n"
      "doc = \"\"\"first\n"
      "  inside  # hookguard: ignore[WH101]\n"
      "end\"\"\" + g()\n"
      "y = h()  # hookguard: ignore[WH203]\n";
  EXPECT_EQ(apply(lineOf(python, 0), suppressionEdit(lineOf(python, 0), "WH101", true)),
            "x = f('# hookguard: ignore[WH101]') # hookguard: ignore[WH101]");
  EXPECT_FALSE(suppressionEdit(lineOf(python, 1), "WH101", true));  // ends inside the string
  EXPECT_FALSE(suppressionEdit(lineOf(python, 2), "WH203", true));
  EXPECT_EQ(apply(lineOf(python, 3), suppressionEdit(lineOf(python, 3), "WH101", true)),
            "end\"\"\" + g() # hookguard: ignore[WH101]");
  EXPECT_EQ(apply(lineOf(python, 4), suppressionEdit(lineOf(python, 4), "WH101", true)),
            "y = h()  # hookguard: ignore[WH203, WH101]");
  const DocumentLine first = lineOf(python, 0);
  EXPECT_FALSE(ruleWordAt(first, first.text.find("WH101"), true));
  const DocumentLine inside = lineOf(python, 2);
  EXPECT_FALSE(ruleWordAt(inside, inside.text.find("WH101"), true));

  const std::string cpp = "auto s = \"// hookguard: ignore[WH301]\";\n";
  EXPECT_EQ(apply(lineOf(cpp, 0), suppressionEdit(lineOf(cpp, 0), "WH301", false)),
            "auto s = \"// hookguard: ignore[WH301]\"; // hookguard: ignore[WH301]");
}

}  // namespace
}  // namespace hg::lsp
