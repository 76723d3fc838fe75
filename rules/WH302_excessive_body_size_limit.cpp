// WH302 excessive-body-size-limit: the body limit of an application serving webhook handlers
// is set, but to None (disabled) or to more than EngineConfig::maxBodyBytes once folded
// (`100 * 1024 * 1024`, `Config.MAX_CONTENT_LENGTH`). Framework settings modules count too
// (Django's DATA_UPLOAD_MAX_MEMORY_SIZE = None). Reported at the assignment.
#include <set>

#include "core/message_text.h"
#include "engine/body_limits.h"
#include "engine/replay_protection.h"
#include "engine/rule_context.h"
#include "rules/rule_text.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

class ExcessiveBodySizeLimit final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH302"); }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    std::set<size_t> webhookRoutes;
    for (const WebhookHandler& w : ctx.webhooks().handlers()) webhookRoutes.insert(w.route);
    if (webhookRoutes.empty()) return;
    BodyLimitAnalysis& limits = ctx.bodyLimits();
    const double maxBytes = static_cast<double>(ctx.config.maxBodyBytes);

    auto report = [&](const BodyLimitSetting& s, const std::string& owner, const Route& route) {
      std::string problem;
      if (s.kind == BodyLimitSetting::Kind::Disabled) problem = "to None, which disables the limit";
      else if (s.kind == BodyLimitSetting::Kind::Bytes && s.bytes > maxBytes)
        problem = "to " + bytesText(s.bytes) + ", above the " + bytesText(maxBytes) + " allowed";
      if (problem.empty()) return;
      Finding f;
      f.message = owner + " sets " + s.what + " " + problem + " for webhook " +
                  handlerText(route, ctx.program.function(route.handler).name);
      f.location = s.location;
      if (route.declaration.valid()) f.related.push_back({route.declaration, "webhook route declared here"});
      f.help = "set " + s.what + " to the largest payload the provider sends, with some margin (1 MiB is ample for "
               "most webhooks)";
      out.push_back(std::move(f));
    };

    for (const ApplicationLimits& app : limits.applications()) {
      const Route* served = nullptr;
      for (size_t r : app.routes) {
        if (webhookRoutes.count(r)) {
          served = &ctx.program.routes[r];
          break;
        }
      }
      if (!served) continue;
      const Application& a = ctx.program.applications[app.application];
      std::string owner = (a.framework.empty() ? "" : a.framework + " ") + "application " + applicationLabel(a);
      for (const BodyLimitSetting& s : app.settings) report(s, owner, *served);
    }
    // Frameworks configured by a settings module rather than an application object.
    std::set<std::string> frameworks;
    for (size_t r : webhookRoutes) frameworks.insert(ctx.program.routes[r].framework);
    for (const std::string& framework : frameworks) {
      const Route* served = nullptr;
      for (size_t r : webhookRoutes) {
        if (ctx.program.routes[r].framework == framework) {
          served = &ctx.program.routes[r];
          break;
        }
      }
      for (const BodyLimitSetting& s : limits.moduleSettings(framework)) report(s, framework + " settings", *served);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeExcessiveBodySizeLimit() { return std::make_unique<ExcessiveBodySizeLimit>(); }

}  // namespace hg::rules
