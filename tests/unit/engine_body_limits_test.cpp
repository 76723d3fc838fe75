// Which body limit covers which application: per-app configuration through config classes,
// committed pyfiles and test modules, scanned from real files on disk (from_pyfile reads them).
#include <gtest/gtest.h>

#include "engine/config_files.h"
#include "temp_tree.h"

namespace hg {
namespace {

using testing::TempTree;

// Lines of the WH301 findings, as "file:line".
std::vector<std::string> bodyLimitFindings(const TempTree& t) { return t.findings("WH301"); }

constexpr const char* kHook = R"(import hmac, hashlib, os, time
from flask import abort, request
from svc import app

KEY = os.environ["HOOK_KEY"].encode()

@app.post("/hooks/in")
def hook():
    stamp = request.headers.get("X-Timestamp", "0")
    if abs(time.time() - int(stamp)) > 300:
        abort(401)
    body = request.get_data()
    good = hmac.new(KEY, stamp.encode() + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(good, request.headers.get("X-Signature", "")):
        abort(401)
    return "", 204
)";

TEST(BodyLimits, CommittedPyfileWithoutLimitIsNoLimit) {
  TempTree t;
  t.write("svc/__init__.py", "from flask import Flask\napp = Flask(__name__)\napp.config.from_pyfile(\"svc.cfg\")\n"
                             "from svc import hooks\n");
  t.write("svc/svc.cfg", "DEBUG = False\n");
  t.write("svc/hooks.py", kHook);
  EXPECT_EQ(bodyLimitFindings(t), std::vector<std::string>{"svc/__init__.py:2"});
}

TEST(BodyLimits, CommittedPyfileInTheInstanceFolderSetsTheLimit) {
  TempTree t;
  t.write("svc/__init__.py",
          "from flask import Flask\napp = Flask(__name__, instance_relative_config=True)\n"
          "app.config.from_pyfile(\"svc.cfg\")\nfrom svc import hooks\n");
  t.write("instance/svc.cfg", "MAX_CONTENT_LENGTH = 4 * 1024 * 1024  # 4 MiB\n");
  t.write("svc/hooks.py", kHook);
  EXPECT_TRUE(bodyLimitFindings(t).empty());
}

TEST(BodyLimits, PyfileOutsideTheTreeOrUnreadableMayLimit) {
  TempTree t;
  t.write("svc/__init__.py", "from flask import Flask\napp = Flask(__name__)\napp.config.from_pyfile(\"prod.cfg\")\n"
                             "app.config.from_pyfile(\"bin.cfg\")\nfrom svc import hooks\n");
  t.write("svc/bin.cfg", std::string("MAX\0CONTENT", 11));
  t.write("svc/hooks.py", kHook);
  EXPECT_TRUE(bodyLimitFindings(t).empty());
}

TEST(BodyLimits, LimitOnAnotherAppOrInATestDoesNotCount) {
  TempTree t;
  t.write("svc/__init__.py", "from flask import Flask\napp = Flask(__name__)\nadmin = Flask(\"admin\")\n"
                             "admin.config[\"MAX_CONTENT_LENGTH\"] = 1024\nfrom svc import hooks\n");
  t.write("svc/hooks.py", kHook);
  t.write("tests/test_hooks.py", "from svc import app\n\ndef test_limit():\n"
                                 "    app.config[\"MAX_CONTENT_LENGTH\"] = 10\n");
  EXPECT_EQ(bodyLimitFindings(t), std::vector<std::string>{"svc/__init__.py:2"});
}

TEST(BodyLimits, InheritedConfigClassLimitCounts) {
  TempTree t;
  t.write("svc/__init__.py", "from flask import Flask\napp = Flask(__name__)\n"
                             "app.config.from_object(\"svc.settings.Production\")\nfrom svc import hooks\n");
  t.write("svc/settings.py", "class Base:\n    MAX_CONTENT_LENGTH = 1 << 20\n\nclass Production(Base):\n    DEBUG = False\n");
  t.write("svc/hooks.py", kHook);
  EXPECT_TRUE(bodyLimitFindings(t).empty());
}

TEST(ConfigFiles, AssignmentsAndIntegerExpressions) {
  auto a = configAssignment("A = 1\nMAX_CONTENT_LENGTH = 16 * 1024 * 1024  # sixteen\n  MAX_CONTENT_LENGTH = 3\n",
                            "MAX_CONTENT_LENGTH");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->value, "16 * 1024 * 1024");
  EXPECT_EQ(a->line, 2u);
  EXPECT_FALSE(configAssignment("MAX_CONTENT_LENGTH_X = 1\nMAX_CONTENT_LENGTH == 2\n", "MAX_CONTENT_LENGTH"));
  EXPECT_EQ(integerExpression("1 << 20"), 1048576.0);
  EXPECT_EQ(integerExpression("(2 + 2) * 1_000"), 4000.0);
  EXPECT_EQ(integerExpression("10 // 3"), 3.0);
  EXPECT_FALSE(integerExpression("int(os.environ['X'])"));
  EXPECT_FALSE(integerExpression("1 // 0"));
  EXPECT_FALSE(integerExpression(std::string(200, '(')));
  EXPECT_FALSE(integerExpression(""));
}

TEST(ConfigFiles, CandidatesAndUnusableFiles) {
  auto c = configFileCandidates("/r/pkg/__init__.py", "x.cfg");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0], "/r/pkg/x.cfg");
  EXPECT_EQ(c[2], "/r/instance/x.cfg");
  EXPECT_EQ(configFileCandidates("/r/m.py", "/etc/app.cfg"), std::vector<std::string>{"/etc/app.cfg"});
  TempTree t;
  t.write("big.cfg", std::string(kMaxConfigFileBytes + 1, 'a'));
  ConfigFile f;
  EXPECT_EQ(readConfigFile({(t.root() / "missing.cfg").string()}, f), ConfigFileRead::Missing);
  EXPECT_EQ(readConfigFile({(t.root() / "big.cfg").string()}, f), ConfigFileRead::Unusable);
  EXPECT_EQ(readConfigFile({t.root().string()}, f), ConfigFileRead::Missing);  // a directory
}

}  // namespace
}  // namespace hg
