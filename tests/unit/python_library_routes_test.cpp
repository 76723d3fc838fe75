// Routes a library class mounts on the application it is handed: the application and the path
// are the class's parameters, and only the places that construct it or call init_app say
// which ones.
#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"

namespace hg {
namespace {

std::vector<const Route*> routesOf(const Program& p, const std::string& handler) {
  std::vector<const Route*> out;
  for (const Route& r : p.routes) {
    if (r.handler != kNoFunction && p.function(r.handler).qualified == handler) out.push_back(&r);
  }
  std::sort(out.begin(), out.end(), [](const Route* a, const Route* b) { return a->path < b->path; });
  return out;
}

constexpr const char* kReceiver = R"(from flask import request

class Receiver:
    def __init__(self, app=None, endpoint="/hooks/default"):
        if app is not None:
            app.add_url_rule(endpoint, view_func=self._receive, methods=["POST"])

    def _receive(self):
        return request.get_json()
)";

TEST(PythonLibraryRoutes, ConstructorParametersGiveAppAndPathPerInstance) {
  auto p = lowerPythonSources({{"lib/receiver.py", kReceiver},
                               {"svc/main.py", R"(from flask import Flask
from lib.receiver import Receiver

app = Flask(__name__)
other = Flask("other")
ci = Receiver(app, endpoint="/hooks/ci")
plain = Receiver(other)
unmounted = Receiver()
)"}});
  auto routes = routesOf(*p, "lib.receiver.Receiver._receive");
  ASSERT_EQ(routes.size(), 2u);
  // The call site's literal wins over the default; each pairs with its own application.
  EXPECT_EQ(routes[0]->path, "/hooks/ci");
  EXPECT_EQ(routes[0]->registeredOn, "svc.main.app");
  EXPECT_EQ(routes[1]->path, "/hooks/default");
  EXPECT_EQ(routes[1]->registeredOn, "svc.main.other");
  EXPECT_EQ(routes[0]->methods, std::vector<HttpMethod>{HttpMethod::Post});
}

TEST(PythonLibraryRoutes, InitAppThroughSelfAttributeAndModuleConstant) {
  auto p = lowerPythonSources({{"lib/signed.py", R"(from flask import request

PATH = "/hooks/signed"

class Signed:
    def __init__(self, secret, app=None):
        self.secret = secret
        self.app = app
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        self.app = app
        self.app.add_url_rule(PATH, "signed", view_func=self._receive, methods=["POST"])

    def _receive(self):
        return request.get_data()
)"},
                               {"svc/app.py", R"(from flask import Flask
from lib.signed import Signed

app = Flask(__name__)
receiver = Signed(b"k")
receiver.init_app(app)
)"}});
  auto routes = routesOf(*p, "lib.signed.Signed._receive");
  ASSERT_EQ(routes.size(), 1u);
  EXPECT_EQ(routes[0]->path, "/hooks/signed");
  EXPECT_EQ(routes[0]->registeredOn, "svc.app.app");
}

TEST(PythonLibraryRoutes, BlueprintSubclassIsAnApplicationWithItsPrefix) {
  auto p = lowerPythonSources({{"lib/bp.py", R"(from flask import Blueprint, request

class HookBlueprint(Blueprint):
    def __init__(self, name, import_name, **options):
        super().__init__(name, import_name, **options)
        self.add_url_rule("/incoming", view_func=self.incoming, methods=["POST"])

    def incoming(self):
        return request.get_json()
)"},
                               {"svc/app.py", R"(from flask import Flask
from lib.bp import HookBlueprint

app = Flask(__name__)
chat = HookBlueprint("chat", __name__, url_prefix="/chat")
app.register_blueprint(chat)
)"}});
  bool blueprint = false;
  for (const Application& a : p->applications) blueprint = blueprint || (a.qualified == "svc.app.chat" && a.kind == "blueprint");
  EXPECT_TRUE(blueprint);
  auto routes = routesOf(*p, "lib.bp.HookBlueprint.incoming");
  ASSERT_EQ(routes.size(), 1u);
  EXPECT_EQ(routes[0]->path, "/chat/incoming");
  EXPECT_EQ(routes[0]->registeredOn, "svc.app.chat");
}

TEST(PythonLibraryRoutes, ParameterPathWithoutAnySiteOrLiteralIsNoRoute) {
  // Nothing constructs the class with an app: no application, no route.
  auto p = lowerPythonSources({{"lib/receiver.py", kReceiver}});
  EXPECT_TRUE(routesOf(*p, "lib.receiver.Receiver._receive").empty());
}

TEST(PythonLibraryRoutes, NonPathArgumentAtTheSiteIsNotTaken) {
  auto p = lowerPythonSources({{"lib/receiver.py", kReceiver},
                               {"svc/main.py", R"(from flask import Flask
from lib.receiver import Receiver
import os

app = Flask(__name__)
hook = Receiver(app, endpoint=os.environ["HOOK_PATH"])
)"}});
  // The path is not a constant; the route still exists, on the right app, with no path.
  auto routes = routesOf(*p, "lib.receiver.Receiver._receive");
  ASSERT_EQ(routes.size(), 1u);
  EXPECT_EQ(routes[0]->registeredOn, "svc.main.app");
  EXPECT_EQ(routes[0]->path, "");
}

}  // namespace
}  // namespace hg
