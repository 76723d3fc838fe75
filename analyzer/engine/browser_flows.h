// Routes that a name makes look like webhooks but whose code says who really calls them.
//
// An OAuth 2.0 / OpenID Connect "form_post" callback is a POST route named "callback" that an
// identity provider's redirect makes the user's *browser* send: it compares the `state` it
// receives with what the session holds, reads or decodes an `id_token`, or exchanges the `code`
// for tokens. A webhook sender has no session and no sign-in to finish, so that evidence
// outweighs the name. An RPC endpoint (the body handed whole to an XML-RPC / JSON-RPC
// dispatcher) is an API of its own, not a webhook, however it is named or CSRF-exempted.
//
// A form page (a Django FormView, a view calling render()) answers what it is sent with an HTML
// page: the browser that loaded the form posts it back. Rendering is evidence only together with
// what the route reads and its CSRF protection, which the classifier decides (webhooks.cpp).
//
// The names of the calls, the session objects and the fields are knowledge
// (`browser_sessions`, `sign_in_fields`, `sign_in_calls`, `rpc_dispatchers`, `page_renderers`).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/request_uses.h"

namespace hg {

// Remembers each function's evidence: routes share helpers, which a repository's thousands of
// routes would otherwise rescan.
class BrowserFlowEvidence {
 public:
  BrowserFlowEvidence(const Program& program, const Knowledge& knowledge, RequestUseAnalysis& requests)
      : program_(program), knowledge_(knowledge), requests_(requests) {}

  // Why the functions a route reaches (the handler first) show it is not a webhook: "compares
  // request data with the session", "reads the id_token field", "calls oauth.fetch_token",
  // "dispatches the request to xmlrpc...". Empty when nothing does.
  std::string notWebhookEvidence(const std::vector<FunctionId>& reachable);
  // The first page-rendering call (`page_renderers`: render, TemplateResponse, a form view's
  // form_invalid) the functions make, as its callee's name; empty when none does.
  std::string pageRenderer(const std::vector<FunctionId>& reachable);

 private:
  const Program& program_;
  const Knowledge& knowledge_;
  RequestUseAnalysis& requests_;
  std::unordered_map<FunctionId, std::string> byFunction_;
  std::unordered_map<FunctionId, std::string> renderers_;
};

}  // namespace hg
