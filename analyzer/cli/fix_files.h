// `hookguard scan --fix / --diff`: which fixes apply to which file, and writing the fixed
// files without ever overwriting a change made since they were read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/program.h"

namespace hg {

// Whether a fix is applied: safe ones always, unsafe ones only with --unsafe-fixes.
bool fixEnabled(const Fix& fix, bool unsafeFixes);

struct FilePlan {
  FileId file = kNoFile;
  std::vector<size_t> findings;  // indexes of the findings whose fix is applied
  std::string fixedText;         // the analyzed text with those fixes
};

// Per file, in finding order, the enabled fixes of unsuppressed findings that do not conflict
// with an earlier one (the next run picks up the rest). Files without a fix are left out.
std::vector<FilePlan> planFixes(const Program& program, const std::vector<Finding>& findings, bool unsafeFixes);

// The bytes to write for `fixedText`, given the file's content now and the text that was
// analyzed (the bytes as read, less a UTF-8 byte order mark, which is kept). nullopt when the
// file changed since it was read, or its text was repaired before the analysis (invalid
// UTF-8): writing then would lose someone's edit or bytes the analysis never saw.
std::optional<std::string> fixedFileBytes(const std::string& analyzedText, const std::string& onDisk,
                                          const std::string& fixedText);

// Re-reads the file, checks it is unchanged (fixedFileBytes) and replaces it atomically.
// False with `problem` set when it was left alone.
bool writeFixedFile(const SourceFile& file, const FilePlan& plan, std::string& problem);

}  // namespace hg
