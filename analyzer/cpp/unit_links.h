// Links calls across C++ translation units, after every file of the scan is lowered (no Clang
// here). Within a file, a call reaches a definition of that file directly; a call whose body is
// elsewhere carries the C++ name of its declaration ("paysvc::crypto::verify_signature",
// "svc::Signer().verify"), and that name is matched here against the externally visible
// definitions of every other scanned file.
//
// A callee defined nowhere in the scan (a prebuilt library's header) is summarised from its
// declaration when the knowledge says its name means "checks a signature": see
// declaredVerifier() and rules/knowledge/README.md (`declared_verifier_words`).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/knowledge.h"
#include "core/program.h"
#include "cpp/unit_symbols.h"

namespace hg::cpp {

// One lowered file, as the linker needs it; FunctionIds in `exported` are program ids.
struct UnitSymbols {
  FileId file = kNoFile;
  FunctionId first = kNoFunction;  // the file's functions are [first, first + count)
  size_t count = 0;
  std::vector<ExportedName> exported;
  std::map<std::string, DeclaredCallee> declared;
};

// Whether a function known only by its declaration verifies a request: it returns bool, takes
// arguments, is the project's (not a system header's), and its name holds a word of role
// "check" and a word of role "subject" (`declared_verifier_words`): verify_signature,
// isValidHmac, checkWebhookSignature. Anything else (void helpers that may throw, int results
// whose meaning varies, names that say nothing about signatures) stays unknown.
bool declaredVerifier(const DeclaredCallee& callee, const Knowledge& knowledge);

// Sets Expr::function on calls (and their callees) of every unit to the definition another
// unit holds, or to a summary function added for a declared verifier. Returns how many calls
// were linked.
size_t linkUnits(Program& program, const std::vector<UnitSymbols>& units, const Knowledge& knowledge);

}  // namespace hg::cpp
