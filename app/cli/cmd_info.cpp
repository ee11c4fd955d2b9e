// `dino info`: versions, device, threads and BLAS, so a user can see what the engine will run on.
#include "parser.h"

#include "api/analysis.h"

#include <cstdio>

namespace {

int runInfo(const dino::cli::Args& args) {
    dino::cli::Parser p("info",
                        "Prints the versions of DINO Studio and libtorch, the device, the number of\n"
                        "threads the engine will use, and the BLAS library that was loaded.\n");
    if (auto code = p.parse(args)) return *code;
    for (const auto& [k, v] : dino::api::systemInfo()) std::printf("%-18s %s\n", (k + ":").c_str(), v.c_str());
    return 0;
}

}  // namespace

DINO_COMMAND("info", "versions, device, threads and BLAS the engine will use", runInfo);
