#include "cli/fix_files.h"

#include <map>

#include "cli/output_file.h"
#include "cli/source_reader.h"
#include "core/text_edits.h"

namespace hg {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Above any file the scan analyzes (--max-file-bytes caps those).
constexpr uint64_t kMaxRereadBytes = 1ull << 32;

}  // namespace

bool fixEnabled(const Fix& fix, bool unsafeFixes) {
  return fix.applicability == FixApplicability::Safe || unsafeFixes;
}

std::vector<FilePlan> planFixes(const Program& program, const std::vector<Finding>& findings, bool unsafeFixes) {
  std::map<FileId, std::vector<size_t>> byFile;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (f.suppressed() || !f.fix() || !fixEnabled(*f.fix(), unsafeFixes)) continue;
    byFile[f.location.file].push_back(i);
  }
  std::vector<FilePlan> plans;
  for (const auto& [file, candidates] : byFile) {
    std::vector<const Fix*> fixes;
    for (size_t i : candidates) fixes.push_back(findings[i].fix());
    FilePlan plan{file, {}, {}};
    std::vector<const Fix*> taken;
    for (size_t k : compatibleFixes(fixes)) {
      plan.findings.push_back(candidates[k]);
      taken.push_back(fixes[k]);
    }
    plan.fixedText = applyEdits(program.sources.get(file).text, mergedEdits(taken));
    plans.push_back(std::move(plan));
  }
  return plans;
}

std::optional<std::string> fixedFileBytes(const std::string& analyzedText, const std::string& onDisk,
                                          const std::string& fixedText) {
  if (onDisk == analyzedText) return fixedText;
  if (std::string_view(onDisk).starts_with(kUtf8Bom) && std::string_view(onDisk).substr(kUtf8Bom.size()) == analyzedText)
    return std::string(kUtf8Bom) + fixedText;
  return std::nullopt;
}

bool writeFixedFile(const SourceFile& file, const FilePlan& plan, std::string& problem) {
  FileBytes now = readFileBytes(file.absolutePath, kMaxRereadBytes);
  if (now.status != FileBytes::Status::Ok) {
    problem = "cannot read it again: " + (now.error.empty() ? std::string("not a readable regular file") : now.error);
    return false;
  }
  std::optional<std::string> bytes = fixedFileBytes(file.text, now.bytes, plan.fixedText);
  if (!bytes) {
    problem = "it changed since it was read (or is not valid UTF-8)";
    return false;
  }
  std::string error;
  if (!writeFileAtomically(file.absolutePath, *bytes, error)) {
    problem = "cannot write it: " + error;
    return false;
  }
  return true;
}

}  // namespace hg
