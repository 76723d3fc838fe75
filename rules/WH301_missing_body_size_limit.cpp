// WH301 missing-body-size-limit: an application serving webhook handlers sets no request body
// limit, and at least one of those handlers reads the body without first rejecting a large
// Content-Length. One finding per application, at its construction (`Flask(__name__)`).
// Frameworks that limit bodies by default (knowledge "body_limit_defaults": Django, Drogon)
// are not reported.
#include <set>

#include "core/message_text.h"
#include "engine/knowledge_attributes.h"
#include "engine/body_limits.h"
#include "engine/content_length_checks.h"
#include "engine/replay_protection.h"
#include "engine/rule_context.h"
#include "rules/rule_text.h"
#include "rules/rules.h"

namespace hg::rules {

namespace {

// How the framework is told its limit, from the knowledge files: "MAX_CONTENT_LENGTH" for
// Flask, "set_payload_max_length" for cpp-httplib; empty when none is known.
std::string limitSetting(const Knowledge& knowledge, const std::string& framework) {
  for (const char* category : {"body_limit_config_keys", "body_limit_setters"}) {
    for (const KnowledgeEntry& e : knowledge.entries(category)) {
      if (stringAttribute(e, "framework") == framework) {
        std::string name = e.pattern;
        if (name.starts_with("*.")) name.erase(0, 2);
        return name;
      }
    }
  }
  return "";
}

class MissingBodySizeLimit final : public Rule {
 public:
  const RuleMeta& meta() const override { return *catalogEntry("WH301"); }

  void check(RuleContext& ctx, std::vector<Finding>& out) const override {
    std::set<size_t> webhookRoutes;
    for (const WebhookHandler& w : ctx.webhooks().handlers()) webhookRoutes.insert(w.route);
    if (webhookRoutes.empty()) return;

    ReplayAnalysis& replay = ctx.replay();
    BodyLimitAnalysis& limits = ctx.bodyLimits();
    ValueOrigins origins(ctx.program, ctx.calls(), ctx.requestUses());
    ContentLengthChecks lengthChecks(ctx.program, ctx.knowledge, ctx.requestUses(), origins);

    for (const ApplicationLimits& app : limits.applications()) {
      if (app.frameworkDefault || !app.settings.empty()) continue;
      std::vector<size_t> unbounded;
      for (size_t r : app.routes) {
        if (!webhookRoutes.count(r)) continue;
        const Route& route = ctx.program.routes[r];
        if (lengthChecks.boundingCheck(replay.scopes().scope(r), route.handler)) continue;
        unbounded.push_back(r);
      }
      if (unbounded.empty()) continue;

      const Application& a = ctx.program.applications[app.application];
      const Route& first = ctx.program.routes[unbounded.front()];
      const Function& handler = ctx.program.function(first.handler);
      Finding f;
      std::string framework = a.framework.empty() ? "" : a.framework + " ";
      f.message = framework + "application " + applicationLabel(a) + " serves " + handlerText(first, handler.name);
      if (unbounded.size() > 1)
        f.message += " and " + std::to_string(unbounded.size() - 1) + " more webhook route" +
                     (unbounded.size() > 2 ? "s" : "");
      f.message += " without a request body size limit";
      f.location = a.construction.valid() ? a.construction : (handler.defSpan.valid() ? handler.defSpan : handler.span);
      for (size_t r : unbounded) {
        const Route& route = ctx.program.routes[r];
        if (route.declaration.valid())
          f.related.push_back({route.declaration, "webhook route " + route.label() + " reads an unbounded body"});
      }
      std::string setting = limitSetting(ctx.knowledge, a.framework);
      f.help = setting.empty()
                   ? "limit the request body size (a size-limit middleware, or reject a Content-Length above a "
                     "bound before reading the body)"
                   : "set " + setting + " (for example 1 MiB, well above the provider's largest payload) or reject a "
                     "Content-Length above a bound before reading the body";
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> makeMissingBodySizeLimit() { return std::make_unique<MissingBodySizeLimit>(); }

}  // namespace hg::rules
