// The steps of link(), in the order it runs them (link.cpp).
#pragma once

#include "core/diagnostics.h"
#include "core/knowledge.h"
#include "core/program.h"
#include "python/link_index.h"

namespace hg::python {

// Rewrites qualified names and bindings through the tree's aliases (LinkIndex::canonical).
void canonicalizeNames(LinkIndex& index, unsigned jobs = 1);

// Sets Expr::function on names, attributes and calls that denote a function of the scanned
// tree: across modules, methods through `self`, instances and base classes, super().
void resolveCallTargets(LinkIndex& index, unsigned jobs = 1);

// A call to a scanned function that never returns normally (its exit is unreachable: it
// always aborts or raises) ends its block like a raise; repeated until nothing changes.
void endBlocksAtNoreturnCalls(LinkIndex& index);

// Program::applications from the constructions knowledge names ("applications").
void discoverApplications(LinkIndex& index, const Knowledge& knowledge);
// The "applications" entry for constructing `constructed`: its own, or a scanned class's
// first base's that has one.
const KnowledgeEntry* applicationEntry(const Program& program, const Knowledge& knowledge,
                                       const std::string& constructed);

// Program::routes: route decorators, registration calls, class-based views, Django URLconfs
// and Django view decorators.
void discoverRoutes(LinkIndex& index, const Knowledge& knowledge);

// A class-based view's route whose registered class overrides a method its inherited handler
// (or dispatch override) calls on `self` gets a copy of that handler resolved in the
// registered class (Function::specializationOf), so each route is analyzed with its own code.
void specializeClassViewHandlers(LinkIndex& index);

}  // namespace hg::python
