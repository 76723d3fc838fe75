// A shared token checked by looking it up: the token the request carries selects a record of
// the database (`Integration.query.filter_by(token=header).first()`,
// `get_object_or_404(Hook, secret=header)`), and finding one is the check. Each tenant's token
// is configured in the database rather than in the settings; the request is rejected when no
// record matches (a 404 from the lookup itself, or the caller testing the result).
//
// Which calls look records up is knowledge (`db_lookups`, taint.json); which calls on a query
// give its record, and whether they raise when there is none, too (`token_lookup_results`,
// verifiers.json). A record selected by an id, a path parameter or anything but a token
// header verifies nothing.
#pragma once

#include <optional>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/value_roles.h"
#include "engine/verification_calls.h"

namespace hg {

std::optional<CallVerdict> tokenLookupVerdict(const Knowledge& knowledge, ValueRoles& roles, const Function& fn,
                                              ExprId call);

}  // namespace hg
