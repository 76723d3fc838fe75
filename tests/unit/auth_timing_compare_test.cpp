// WH102: which comparisons are signature checks done with a timing-unsafe operation.
#include <gtest/gtest.h>

#include "auth_fixture.h"

namespace hg {
namespace {

using testing::Lines;

class TimingCompareTest : public testing::AuthRuleFixture {};

TEST_F(TimingCompareTest, MacAgainstHeaderInAHelperAndInTheHandler) {
  load(R"(import hashlib, hmac, os
from flask import Flask, request, abort
app = Flask(__name__)
SECRET = os.environ["HOOK_SECRET"].encode()

def expected_for(body):
    return "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()

def matches(a, b):
    return a == b

@app.post("/hooks/a")
def hook_a():
    if not matches(expected_for(request.get_data()), request.headers.get("X-Hub-Signature-256")):
        abort(401)
    sig = request.headers.get("X-Hub-Signature-256", "")
    if expected_for(request.get_data()) != sig:
        abort(401)
    if not sig.startswith(expected_for(request.get_data())):
        abort(401)
    return "ok"
)");
  EXPECT_EQ(linesOf("WH102"), (Lines{10, 17, 19}));
  auto messages = messagesOf("WH102");
  ASSERT_FALSE(messages.empty());
  EXPECT_NE(messages.front().find("function `matches` compares"), std::string::npos) << messages.front();
}

TEST_F(TimingCompareTest, TokensAgainstConfiguredSecrets) {
  load(R"(import os
from flask import Flask, request, abort, current_app
app = Flask(__name__)
TOKEN = os.environ.get("GITLAB_WEBHOOK_TOKEN")
TOKENS = [os.environ["TOKEN_A"], os.environ["TOKEN_B"]]

@app.post("/gitlab")
def gitlab():
    if request.headers.get("X-Gitlab-Token") != TOKEN:
        abort(403)
    if current_app.config["SHARED_SECRET"] == request.args.get("secret"):
        return "ok"
    if request.headers.get("X-Gitlab-Token") in TOKENS:
        return "ok"
    return "no"
)");
  EXPECT_EQ(linesOf("WH102"), (Lines{9, 11, 13}));
}

TEST_F(TimingCompareTest, LiteralsConstantsAndPlainRequestDataAreNotSignatureChecks) {
  load(R"(import hashlib, hmac, os
from flask import Flask, request, abort
app = Flask(__name__)
SECRET = os.environ["HOOK_SECRET"].encode()
ALGORITHM = "sha256"

@app.post("/hooks/b")
def hook_b():
    header = request.headers.get("X-Hub-Signature-256", "")
    scheme, _, sig = header.partition("=")
    if scheme != ALGORITHM or sig is None or header == "":
        abort(400)
    if request.headers.get("X-GitHub-Event") == "ping":
        return "pong"
    expected = hmac.new(SECRET, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, sig):
        abort(401)
    data = request.get_json()
    if hashlib.sha256(request.get_data()).hexdigest() == data["checksum"]:
        return "same"
    if len(sig) != 64 or SECRET is None:
        abort(400)
    return "ok"
)");
  EXPECT_TRUE(linesOf("WH102").empty());
}

TEST_F(TimingCompareTest, SecretLookingConstantsCountOnlyAgainstRequestData) {
  load(R"(import enum
from flask import Flask, request, abort
app = Flask(__name__)
VERIFY_TOKEN = "s3cr3t"

class Format(enum.Enum):
    SubjectPublicKeyInfo = "spki"
    PrivateKeyInfo = "pkcs8"

class Progress:
    DONE_TOKEN = "done."
    def finished(self, message):
        return message.endswith(self.DONE_TOKEN)

def encoding(format):
    if format is Format.PrivateKeyInfo:
        return "pem"
    return "der"

def pruned(line):
    token = " * [would prune] "
    return line.startswith(token)

@app.get("/hooks/verify")
def handshake():
    if request.args.get("hub.verify_token") != VERIFY_TOKEN:
        abort(403)
    return request.args.get("hub.challenge", "")
)");
  EXPECT_EQ(linesOf("WH102"), (Lines{26}));
}

TEST_F(TimingCompareTest, VariableNamesAloneDoNotMakeASignature) {
  load(R"(from flask import Flask, request
app = Flask(__name__)

@app.post("/hooks/c")
def hook_c():
    signature = request.args.get("signature_style")
    token = request.get_json()["token_type"]
    if signature == token:
        return "same"
    return "different"
)");
  EXPECT_TRUE(linesOf("WH102").empty());
}

TEST_F(TimingCompareTest, PasswordHashesAndKeyedHashesOutsideAnyRoute) {
  load(R"(import hashlib, os
RESET_SECRET = os.environ["RESET_SECRET"]
USERS = {}

def password_hash(password, salt):
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 100000).hex()

def check_login(user, password):
    record = USERS[user]
    return password_hash(password, record["salt"]) == record["hash"]

def reset_ok(user, token):
    return token == hashlib.sha256((RESET_SECRET + user).encode()).hexdigest()

def checksum_ok(path, published):
    return hashlib.sha256(open(path, "rb").read()).hexdigest() == published

def legacy_login(user, pw):
    return hashlib.md5(pw.encode()).hexdigest() == user.password
)");
  EXPECT_EQ(linesOf("WH102"), (Lines{10, 13, 19}));
  auto messages = messagesOf("WH102");
  ASSERT_FALSE(messages.empty());
  EXPECT_NE(messages.front().find("the password hash"), std::string::npos) << messages.front();
}

// A base post() copied for each registered view class is reported once, naming the first
// route it serves, as when one function served them all.
TEST_F(TimingCompareTest, InheritedPostServingSeveralViewClasses) {
  load({{"hub/views.py", R"(import json
from django.conf import settings
from django.http import HttpResponse
from django.views import View

class Receiver(View):
    def post(self, request, *args, **kwargs):
        if request.headers.get("X-Token") != settings.HOOK_TOKEN:
            return HttpResponse(status=403)
        self.process(json.loads(request.body))
        return HttpResponse(status=204)

    def process(self, event):
        pass

class Beta(Receiver):
    def process(self, event):
        print(event["b"])

class Alpha(Receiver):
    def process(self, event):
        print(event["a"])
)"},
        {"hub/urls.py", R"(from django.urls import path
from hub.views import Alpha, Beta
urlpatterns = [path("hooks/beta/", Beta.as_view()), path("hooks/alpha/", Alpha.as_view())]
)"}});
  EXPECT_EQ(messagesOf("WH102"),
            (std::vector<std::string>{"POST hooks/beta/ handler `post` compares the signature header "
                                      "`request.headers.get(\"X-Token\")` with the secret `settings.HOOK_TOKEN` "
                                      "using !=, which is not constant-time"}));
}

}  // namespace
}  // namespace hg
