// Scans load the C++ front-end module from beside the executable, and this test binary is not
// there: point the loader at this build's module, unless the environment already names one.
#include <cstdlib>

namespace {

[[maybe_unused]] const bool kModulePathSet = [] {
  return ::setenv("HOOKGUARD_CPP_FRONTEND_MODULE", HOOKGUARD_CPP_MODULE_PATH, /*overwrite=*/0) == 0;
}();

}  // namespace
