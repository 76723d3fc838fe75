#include "cli/config_file_sources.h"

#include <set>
#include <system_error>

#include "cli/repository.h"
#include "cli/source_reader.h"
#include "engine/config_files.h"
#include "engine/constant_folding.h"

namespace hg {

namespace fs = std::filesystem;

void addLoadedConfigFiles(Program& program, const Knowledge& knowledge, const fs::path& root) {
  std::set<std::string> known;
  for (const SourceFile& s : program.sources.all()) known.insert(s.absolutePath);
  for (FunctionId id = 0; id < program.functionCount(); ++id) {
    const Function& fn = program.function(id);
    for (ExprId call = 0; call < fn.exprs.size(); ++call) {
      if (fn.expr(call).kind != ExprKind::Call) continue;
      if (!knowledge.matches("config_file_loaders", calleeName(fn, call))) continue;
      ConfigFile file;
      if (readConfigFile(loadedConfigFileCandidates(program, fn, call), file) != ConfigFileRead::Found) continue;
      std::error_code ec;
      fs::path canonical = fs::canonical(file.path, ec);
      if (ec || known.count(canonical.string())) continue;
      // A file outside the repository is deployment configuration, not committed code.
      std::string shown = displayPathFor(canonical, root);
      if (fs::path(shown).is_absolute()) continue;
      known.insert(canonical.string());
      SourceFile source;
      source.displayPath = shown;
      source.absolutePath = canonical.string();
      source.language = Language::Python;
      source.text = std::move(file.text);
      stripUtf8Bom(source.text);
      repairUtf8(source.text);
      source.indexLines();
      program.sources.add(std::move(source));
    }
  }
}

}  // namespace hg
