// libFuzzer entry point: see targets.hpp for what kgfuzz::triples_reader checks.
#include "targets.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    kg::set_warning_handler({});  // cap warnings are expected here and would flood the log
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kgfuzz::triples_reader(data, size);
    return 0;
}
