# The C++ front-end is a module (hookguard-cpp.so) the executable loads only when a scan has C++
# files (analyzer/cli/cpp_frontend_loader.h): found next to the executable or where it installs,
# or at $HOOKGUARD_CPP_FRONTEND_MODULE.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# A cpp-httplib handler that reads the body without verifying a signature (WH101).
write_unverified_cpp_webhook() {
  mkdir -p "$(dirname "$1")"
  cat >"$1" <<'CPP'
#include <httplib.h>

int main() {
  httplib::Server server;
  server.Post("/webhooks/orders", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.body, "text/plain");
  });
  server.listen("0.0.0.0", 8080);
}
CPP
}

skip_without_cpp_frontend() {
  write_unverified_cpp_webhook "$work/probe/hook.cpp"
  run scan "$work/probe/hook.cpp"
  if grep -qF "this build of hookguard has no C++ front-end" "$stderr_file"; then
    skip "built with -DHOOKGUARD_CPP_FRONTEND=OFF"
  fi
}

scenario_cpp_file_is_analyzed_by_the_module() {
  skip_without_cpp_frontend
  write_unverified_cpp_webhook src/hook.cpp
  run scan src --format gcc
  expect_status 1
  expect_stdout_contains "src/hook.cpp:5:"
  expect_stdout_contains "[WH101]"
}

scenario_missing_module_is_an_error_for_each_cpp_file() {
  skip_without_cpp_frontend
  write_unverified_cpp_webhook src/hook.cpp
  write_unverified_cpp_webhook src/other.cc
  write_unverified_webhook app/hooks.py
  HOOKGUARD_CPP_FRONTEND_MODULE="$work/missing/hookguard-cpp.so" run scan src app --format gcc
  expect_status 2
  local why="not analyzed: cannot load the C++ front-end: $work/missing/hookguard-cpp.so: cannot open shared object file"
  expect_stderr_contains "hookguard: src/hook.cpp: error: $why"
  expect_stderr_contains "hookguard: src/other.cc: error: $why"
  # The Python files are still analyzed and reported.
  expect_stdout_contains "app/hooks.py:"
  expect_stdout_contains "[WH101]"
  expect_stdout_lacks "src/hook.cpp:"
}

scenario_python_only_scan_does_not_load_the_module() {
  skip_without_cpp_frontend
  write_unverified_webhook app/hooks.py
  HOOKGUARD_CPP_FRONTEND_MODULE="$work/missing/hookguard-cpp.so" run scan app --format gcc
  expect_status 1
  expect_stdout_contains "[WH101]"
  expect_stderr_lacks "C++ front-end"
  # glibc's loader lists every object it opens: the module and Clang must not be among them.
  # A C++ scan shows that the listing works here at all.
  write_unverified_cpp_webhook src/hook.cpp
  LD_DEBUG=files run scan src --format gcc
  grep -qF "hookguard-cpp.so" "$stderr_file" || skip "LD_DEBUG=files does not list loaded objects here"
  LD_DEBUG=files run scan app --format gcc
  expect_status 1
  expect_stderr_lacks "hookguard-cpp.so"
  expect_stderr_lacks "libclang-cpp"
  expect_stderr_lacks "libLLVM"
}

scenario_installed_copy_finds_its_module() {
  skip_without_cpp_frontend
  local build
  build="$(dirname "$HOOKGUARD")"
  [[ -f $build/cmake_install.cmake ]] || skip "$HOOKGUARD is not in a CMake build tree"
  command -v cmake >/dev/null || skip "cmake is not on PATH"
  cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 || {
    cat "$work/install.log" >&2
    fail "cmake --install failed"
  }
  write_unverified_cpp_webhook src/hook.cpp
  HOOKGUARD="$work/prefix/bin/hookguard" run scan "$repo/src" --format gcc
  expect_status 1
  expect_stdout_contains "src/hook.cpp:5:"
  expect_stdout_contains "[WH101]"
}

run_scenario "$@"
