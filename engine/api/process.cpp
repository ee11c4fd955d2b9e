#include "api/process.h"

#include "training/runtime.h"

#include <dlfcn.h>
#include <malloc.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>

namespace dino::api {
namespace {

bool envIs(const char* name, const char* value) {
    const char* v = std::getenv(name);
    return v && std::strcmp(v, value) == 0;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

bool mallocTuningEnabled() { return !envIs("DINO_MALLOC_TUNING", "0"); }

const char* openblasCoretypeFor(bool coretype_set, bool is_openblas, bool has_avx512f, const char* corename) {
    if (coretype_set || !is_openblas || !has_avx512f) return "";
    const std::string core = lower(corename ? corename : "");
    // Cores with AVX-512 kernels in OpenBLAS 0.3.x.
    if (core == "skylakex" || core == "cooperlake" || core == "sapphirerapids") return "";
    return "SKYLAKEX";
}

const char* preferredOpenblasCoretype() {
    using NameFn = char* (*)();
    auto corename = reinterpret_cast<NameFn>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    return openblasCoretypeFor(std::getenv("OPENBLAS_CORETYPE") != nullptr, corename != nullptr,
                               dino::cpuHasFlag("avx512f"), corename ? corename() : nullptr);
}

void tuneProcess(int argc, char** argv) {
    if (mallocTuningEnabled()) {
        mallopt(M_MMAP_MAX, 0);
        mallopt(M_TRIM_THRESHOLD, -1);  // -1: never trim (a step frees GBs at once, then needs them again)
    }
    if (envIs("DINO_NO_REEXEC", "1") || argc < 1) return;
    const char* core = preferredOpenblasCoretype();
    if (!*core) return;
    setenv("OPENBLAS_CORETYPE", core, 1);
    execv("/proc/self/exe", argv);
    // exec failed: carry on with the kernels already loaded.
    unsetenv("OPENBLAS_CORETYPE");
}

}  // namespace dino::api
