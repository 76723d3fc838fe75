#include "cli/command_line.h"

#include <cctype>
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>

#include "cli/exit_codes.h"

namespace hg {

namespace {

template <typename T>
std::vector<std::string> keysOf(const std::map<std::string, T>& map) {
  std::vector<std::string> keys;
  for (const auto& [key, _] : map) keys.push_back(key);
  return keys;
}

const std::map<std::string, ReportFormat> kReportFormats = {
    {"text", ReportFormat::Text}, {"sarif", ReportFormat::Sarif}, {"json", ReportFormat::Json}, {"gcc", ReportFormat::Gcc},
    {"github", ReportFormat::Github}};
const std::map<std::string, std::optional<Level>> kFailOn = {
    {"error", Level::Error}, {"warning", Level::Warning}, {"note", Level::Note}, {"never", std::nullopt}};
const std::map<std::string, ColorPolicy> kColors = {
    {"auto", ColorPolicy::Auto}, {"always", ColorPolicy::Always}, {"never", ColorPolicy::Never}};
const std::map<std::string, RuleTableFormat> kTableFormats = {
    {"text", RuleTableFormat::Text}, {"markdown", RuleTableFormat::Markdown}, {"json", RuleTableFormat::Json}};

// CLI11 writes "A subcommand is required"; hookguard's messages are lower case.
std::string usageErrorText(std::string text) {
  if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) &&
      !std::isupper(static_cast<unsigned char>(text[1])))
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  while (!text.empty() && (text.back() == '\n' || text.back() == '.')) text.pop_back();
  return text;
}

bool isSubcommand(CLI::App& app, const std::string& name) {
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == name) return true;
  }
  return false;
}

struct RawScanOptions {
  std::string format = "text";
  std::string failOn = "error";
  std::string color = "auto";
};

}  // namespace

std::optional<int> parseCommandLine(int argc, const char* const* argv, CommandLine& out) {
  CLI::App app{"hookguard: finds insecure webhook handlers (missing or timing-unsafe signature checks, replays, "
               "unbounded bodies, SSRF) in Python and C++ code",
               "hookguard"};
  app.set_version_flag("--version", std::string("hookguard ") + HOOKGUARD_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  RawScanOptions raw;
  ScanCommandOptions& scan = out.scan;
  CLI::App* scanCmd = app.add_subcommand("scan", "analyze files and directories, report findings");
  scanCmd->add_option("paths", scan.paths, "files or directories to analyze (default: the current directory)")
      ->type_name("PATH");
  scanCmd->add_option("--format", raw.format, "report format")
      ->check(CLI::IsMember(keysOf(kReportFormats)))
      ->default_str("text");
  scanCmd->add_option("-o,--output", scan.output,
                      "write the report to FILE (atomically; a symbolic link there is replaced) instead of stdout")
      ->type_name("FILE");
  scanCmd->add_option("--fail-on", raw.failOn, "lowest finding level that makes the exit code 1")
      ->check(CLI::IsMember(keysOf(kFailOn)))
      ->default_str("error");
  scanCmd->add_option("--select", scan.select, "only run these rules (ids, names, or id prefixes such as WH1)")
      ->delimiter(',')
      ->type_name("RULE,...");
  scanCmd->add_option("--ignore", scan.ignore, "do not run these rules")
      ->delimiter(',')
      ->type_name("RULE,...");
  scanCmd->add_flag("--all-post-routes", scan.allPostRoutes,
                    "treat every POST route as a webhook handler, not only those that look like one");
  scanCmd->add_option("--webhook-route", scan.webhookRoutes,
                      "treat the routes whose path or handler matches this glob as webhook handlers "
                      "(\"/api/inbound/*\", \"app.views.receive\"); repeatable")
      ->type_name("PATTERN");
  scanCmd->add_option("-p,--build-path", scan.buildPath, "directory holding compile_commands.json for C++ files")
      ->type_name("DIR");
  scanCmd->add_option("--color", raw.color, "color the text report and diagnostics")
      ->check(CLI::IsMember(keysOf(kColors)))
      ->default_str("auto");
  scanCmd->add_flag("-q,--quiet", scan.quiet, "no summary line and no notes on stderr");
  scanCmd->add_option("--max-file-bytes", scan.maxFileBytes, "skip files larger than this (default 20 MiB)")
      ->check(CLI::PositiveNumber)
      ->type_name("BYTES");
  scanCmd->add_option("--max-file-seconds", scan.maxFileSeconds,
                      "skip a Python file whose parsing and lowering take longer than this (default 30; 0: "
                      "no limit)")
      ->check(CLI::NonNegativeNumber)
      ->type_name("SECONDS");
  scanCmd->add_option("-j,--jobs", scan.jobs, "threads for parsing, C++ units and the taint analysis (default: one per CPU)")
      ->check(CLI::PositiveNumber)
      ->type_name("N");
  scanCmd->add_flag("--timings", scan.timings, "print on stderr how long each stage of the scan and each rule took");
  scanCmd->add_flag("--no-prefilter", scan.noPrefilter,
                    "parse every Python file, also those that neither import a web framework nor are "
                    "imported by files that do");
  scanCmd->add_option("--config", scan.configFile,
                      "read settings from FILE (a .hookguard.toml, or a pyproject.toml with [tool.hookguard]) "
                      "instead of the one found above the first path")
      ->type_name("FILE");
  scanCmd->add_flag("--no-config", scan.noConfig, "use no configuration file");
  scanCmd->add_option("--exclude", scan.exclude,
                      "leave out files and directories matching this glob (\"migrations\", \"tests/**\"); "
                      "repeatable; replaces the configuration's exclude")
      ->type_name("GLOB");
  scanCmd->add_option("--max-body-bytes", scan.maxBodyBytes,
                      "largest request body size limit WH302 accepts (default 10 MiB)")
      ->check(CLI::PositiveNumber)
      ->type_name("BYTES");
  scanCmd->add_option("--max-timestamp-window", scan.maxTimestampWindowSeconds,
                      "longest timestamp freshness window WH203 accepts, in seconds (default 900)")
      ->check(CLI::PositiveNumber)
      ->type_name("SECONDS");
  scanCmd->add_flag("--report-unused-ignores", scan.reportUnusedIgnores,
                    "warn about `hookguard: ignore` comments that suppress nothing (they then count as "
                    "warnings for --fail-on)");
  scanCmd->add_option("--baseline", scan.baseline,
                      "report only findings that are not in this SARIF log of an earlier run")
      ->type_name("SARIF");
  scanCmd->add_option("--write-baseline", scan.writeBaseline,
                      "also write every finding of this run to FILE as SARIF, for a later --baseline")
      ->type_name("FILE");
  scanCmd->add_option("--sarif-category", scan.sarifCategory,
                      "SARIF runAutomationDetails id, which tells code scanning analyses apart (default: hookguard)")
      ->type_name("NAME");
  CLI::Option* fixFlag = scanCmd->add_flag(
      "--fix", scan.fix,
      "apply the safe fixes to the files (each replaced atomically; a file changed since it was read is left "
      "alone), then report what remains");
  scanCmd->add_flag("--diff", scan.diff,
                    "print the fixes as a unified diff instead of the report and change nothing; exit status 1 "
                    "when there is something to fix")
      ->excludes(fixFlag);
  scanCmd->add_flag("--unsafe-fixes", scan.unsafeFixes,
                    "let --fix and --diff apply unsafe fixes too (they may change behaviour: a body size limit, "
                    "a timeout)");

  std::string tableFormat = "text";
  CLI::App* rulesCmd = app.add_subcommand("rules", "list the rule catalog");
  rulesCmd->add_option("--format", tableFormat, "table format")
      ->check(CLI::IsMember(keysOf(kTableFormats)))
      ->default_str("text");

  CLI::App* explainCmd = app.add_subcommand("explain", "print a rule's documentation");
  explainCmd->add_option("rule", out.explain.rule, "rule id (WH101) or name")->required()->type_name("RULE");

  CLI::App* lspCmd = app.add_subcommand("lsp", "run the language server (LSP) on standard input and output");
  // Clients launching a server over stdio commonly pass --stdio; it is the only transport.
  bool lspStdio = false;
  lspCmd->add_flag("--stdio", lspStdio, "use standard input and output (the default)");

  if (argc <= 1) {
    std::cerr << app.help();
    return kExitError;
  }
  if (argv[1][0] != '-' && !isSubcommand(app, argv[1])) {
    std::cerr << "hookguard: error: unknown command '" << argv[1] << "' (commands: scan, rules, explain, lsp)\n";
    return kExitError;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e) == 0 ? kExitClean : kExitError;  // --help, --version
  } catch (const CLI::ParseError& e) {
    std::cerr << "hookguard: error: " << usageErrorText(e.what()) << " (see `hookguard --help`)\n";
    return kExitError;
  }

  if (scanCmd->parsed()) {
    out.command = CommandLine::Command::Scan;
    scan.format = kReportFormats.at(raw.format);
    scan.failOn = kFailOn.at(raw.failOn);
    scan.color = kColors.at(raw.color);
    for (const CLI::Option* option : scanCmd->get_options()) {
      if (option->count() > 0) scan.given.insert(option->get_name());
    }
  } else if (rulesCmd->parsed()) {
    out.command = CommandLine::Command::Rules;
    out.rules.format = kTableFormats.at(tableFormat);
  } else if (lspCmd->parsed()) {
    out.command = CommandLine::Command::Lsp;
  } else {
    out.command = CommandLine::Command::Explain;
  }
  return std::nullopt;
}

}  // namespace hg
