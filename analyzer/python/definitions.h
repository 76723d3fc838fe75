// def, class and lambda: the Function (and ClassDef) a definition creates, its parameters,
// decorators and the types its parameters are known to have. The body is scheduled, not
// lowered here.
#pragma once

#include <string>

#include <tree_sitter/api.h>

#include "core/ir.h"
#include "python/file_lowering.h"
#include "python/scope.h"

namespace hg::python {

// `definition` is a function_definition; `decorated` its decorated_definition or a null node.
// `parent` is the function whose code holds the definition (kNoFunction at module level;
// class bodies are skipped: a method's parent is the class's parent). `classIndex` names
// the enclosing class for methods (SIZE_MAX otherwise).
FunctionId declareFunction(FileLowering& file, TSNode definition, TSNode decorated, Scope& enclosing,
                           FunctionId parent, size_t classIndex);

// A class_definition; returns its index in file.module.classes (its body is ClassDef::body).
size_t declareClass(FileLowering& file, TSNode definition, TSNode decorated, Scope& enclosing, FunctionId parent);

FunctionId declareLambda(FileLowering& file, TSNode lambda, Scope& enclosing, FunctionId parent);

// The qualified name a type annotation denotes ("fastapi.Request" for `Request` imported from
// fastapi; `Optional[X]`, `X | None`, `Annotated[X, ...]` and "X" denote X), or "" when it
// names nothing resolvable.
std::string annotationType(FileLowering& file, TSNode annotation, Scope& scope);

// The qualified name an expression of names and attributes denotes (`stripe.error.SignatureVerificationError`),
// resolved in `scope` without lowering it; "" when it is anything else.
std::string dottedNameOf(FileLowering& file, TSNode expression, Scope& scope);

}  // namespace hg::python
