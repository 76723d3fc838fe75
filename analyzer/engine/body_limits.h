// Which application serves which route, and what request body limit it is configured with.
//
// Applications are the objects the front-ends recorded (Program::applications: Flask() at
// module level or inside an app factory, FastAPI(), httplib::Server). An application serves
// the routes registered on it and on the blueprints / routers registered on it, transitively
// (`app.register_blueprint(bp)`, `app.include_router(router)`, nested blueprints).
//
// Its limit is read from every configuration statement in the program that targets it,
// including through a helper's parameter (`def configure(app): app.config[...] = ...`):
// `app.config[KEY] = v`, `app.config.update(KEY=v)` / `from_mapping({...})`,
// `app.config.from_object(Config)` with Config (a class, with bases, or a module) in the
// scanned tree, `app.max_content_length = v`, `svr.set_payload_max_length(n)`, a size-limit
// middleware. A loader whose content cannot be seen (`from_pyfile`, `from_envvar`, an object
// outside the tree) counts as a limit of unknown size. Names are knowledge
// (`body_limit_config_keys`, `config_update_methods`, `body_limit_setters`, ...).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/call_resolution.h"
#include "engine/constant_folding.h"

namespace hg {

struct BodyLimitSetting {
  enum class Kind : uint8_t {
    Bytes,     // a constant number of bytes
    Disabled,  // None: no limit
    Unknown,   // set, but from a value or file the analysis cannot evaluate
  };
  Kind kind = Kind::Unknown;
  double bytes = 0;
  Span location;     // the assignment or call that sets it (a class attribute for from_object)
  std::string what;  // "MAX_CONTENT_LENGTH", "set_payload_max_length", "from_pyfile"
};

struct ApplicationLimits {
  size_t application = 0;      // index into Program::applications
  std::vector<size_t> routes;  // routes it serves, directly or through blueprints/routers
  std::vector<BodyLimitSetting> settings;
  std::optional<double> frameworkDefault;  // bytes, when the framework limits by default
};

class BodyLimitAnalysis {
 public:
  BodyLimitAnalysis(const Program& program, const Knowledge& knowledge, const CallResolver& calls,
                    const ConstantFolder& constants);

  // One entry per application of kind "app" (blueprints and routers are served through them).
  const std::vector<ApplicationLimits>& applications();
  // Module-level framework settings (`DATA_UPLOAD_MAX_MEMORY_SIZE = None` in a Django
  // settings module), for frameworks without application objects.
  const std::vector<BodyLimitSetting>& moduleSettings(const std::string& framework);

 private:
  void compute();
  void collectRegistrations();
  void collectSettings();
  void scanStatement(FunctionId fn, const Stmt& stmt);
  void scanCall(FunctionId fn, ExprId call);
  // Applications (indexes) an object expression may denote, following a helper's parameter
  // to its callers.
  std::set<size_t> applicationsOf(FunctionId fn, ExprId object, int depth);
  std::vector<std::string> identitiesOf(FunctionId fn, ExprId object) const;
  void addSetting(const std::set<size_t>& apps, BodyLimitSetting setting);
  BodyLimitSetting settingFromValue(FunctionId fn, ExprId value, Span location, const std::string& what) const;
  // `from_pyfile("x.cfg")`: the committed file's limit; none when it sets none; of unknown
  // size when the file is not in the tree or cannot be read.
  std::optional<BodyLimitSetting> settingFromFile(FunctionId fn, ExprId call) const;
  void settingsFromObject(FunctionId fn, ExprId object, Span callSpan, std::vector<BodyLimitSetting>& out);
  bool isLimitKey(const std::string& key) const;

  const Program& program_;
  const Knowledge& knowledge_;
  const CallResolver& calls_;
  const ConstantFolder& constants_;
  bool computed_ = false;
  std::vector<ApplicationLimits> apps_;
  std::map<size_t, size_t> appIndex_;  // Program::applications index -> apps_ index
  std::set<std::string> knownObjects_;  // application identities and route registeredOn values
  std::multimap<std::string, std::string> children_;  // parent object -> registered child
  std::map<FunctionId, std::vector<std::pair<FunctionId, ExprId>>> callSites_;
  std::map<std::string, std::vector<BodyLimitSetting>> moduleSettings_;
};

}  // namespace hg
