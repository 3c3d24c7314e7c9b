// The library's own version string: kg::version() is not inline, so it reports the library a program runs
// with, whatever headers it was compiled against.
#include <kg/version.hpp>

namespace kg {

const char* version() noexcept { return KG_VERSION_STRING; }

}  // namespace kg
