// `dino info`: versions, device, threads and BLAS, so a user can see what the engine will run on.
#include "command.h"

#include "api/analysis.h"

#include <cstdio>
#include <iostream>

namespace {

int runInfo(const dino::cli::Args& a) {
    if (dino::cli::hasFlag(a, "--help") || dino::cli::hasFlag(a, "-h")) {
        std::cout << "usage: dino info\n\nPrints the versions of DINO Studio and libtorch, the device, the number of\n"
                     "threads the engine will use, and the BLAS library that was loaded.\n";
        return 0;
    }
    if (!a.empty()) {
        std::cerr << "error: dino info takes no arguments (got '" << a[0] << "')\n";
        return dino::cli::kUsage;
    }
    for (const auto& [k, v] : dino::api::systemInfo()) std::printf("%-18s %s\n", (k + ":").c_str(), v.c_str());
    return 0;
}

}  // namespace

DINO_COMMAND("info", "versions, device, threads and BLAS the engine will use", runInfo);
