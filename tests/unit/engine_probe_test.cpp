#include "engine_fixture.h"
#include <fstream>
#include <sstream>
namespace hg::testing {
namespace {
class Probe : public EngineFixture {};
TEST_F(Probe, Dump) {
  auto read = [](const char* p) { std::ifstream f(p); std::stringstream s; s << f.rdbuf(); return s.str(); };
  load({{"samples/flask/insecure_stripe_webhook.py", read(HOOKGUARD_SOURCE_DIR "/samples/flask/insecure_stripe_webhook.py")},
        {"samples/flask/orders.py", read(HOOKGUARD_SOURCE_DIR "/samples/flask/orders.py")}});
  for (auto& r : program().routes) std::cout << r.path << " " << r.registeredOn << " " << r.handler << " " << r.acceptsBody() << "\n";
  for (auto& f : runRules(program(), knowledge_, config_, diags_)) std::cout << f.ruleId << " " << f.location.line << ": " << f.message << "\n";
  for (auto& d : diags_.all()) std::cout << d.message << "\n";
}
}  // namespace
}  // namespace hg::testing
