// `dino fetch <flag>`: downloads a MedMNIST file into the cache with progress and an MD5 check.
#include "interrupt.h"
#include "parser.h"
#include "suggest.h"

#include "api/analysis.h"
#include "common/fsutil.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>

namespace {

std::string megabytes(int64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
    return buf;
}

void printList() {
    std::printf("%-15s %-26s %3s %8s %7s %7s  %s\n", "flag", "task", "ch", "train", "val", "test", "classes");
    for (const auto& d : dino::api::medmnistEntries())
        std::printf("%-15s %-26s %3d %8lld %7lld %7lld  %zu\n", d.flag.c_str(), d.task.c_str(), d.channels,
                    static_cast<long long>(d.n_train), static_cast<long long>(d.n_val),
                    static_cast<long long>(d.n_test), d.classes);
    std::printf("\nsizes: 28 (default), 64, 128, 224. Multi-label sets (chestmnist) can be downloaded but not trained on.\n");
}

int runFetch(const dino::cli::Args& args) {
    using namespace dino::cli;
    std::string flag, cache, url, md5;
    int size = 28;
    bool list = false;
    Parser p("fetch",
             "Downloads a MedMNIST dataset file (e.g. pathmnist) into the cache directory\n"
             "(default $DINO_DATA_DIR, else ~/.medmnist, like the Python package), shows progress,\n"
             "verifies the official MD5 and only then renames <file>.part to its final name.\n"
             "--url downloads from a mirror instead (still checked against the official MD5,\n"
             "or against --md5). Ctrl-C cancels and removes the partial file.\n"
             "Offline? Copy the .npz into the cache directory by hand.\n");
    p.positional("FLAG", flag, "the data set, e.g. pathmnist (dino fetch --list shows them all)")
        .number("--size", size, "PX", "image size: 28 (default), 64, 128 or 224")
        .text("--cache", cache, "DIR", "the cache directory (default $DINO_DATA_DIR, else ~/.medmnist)")
        .text("--url", url, "URL", "download from this mirror instead")
        .text("--md5", md5, "HEX", "the MD5 to check against instead of the official one")
        .action("--list", list, "list the data sets, their tasks, channels, split sizes and classes");
    if (auto code = p.parse(args)) return *code;
    if (list) {
        printList();
        return kOk;
    }
    if (!dino::api::isMedmnistFlag(flag)) {
        std::vector<std::string> flags;
        for (const auto& d : dino::api::medmnistEntries()) flags.push_back(d.flag);
        const std::string close = closestMatch(flag, flags);
        std::cerr << "error: unknown dataset '" << flag << "'" << (close.empty() ? "" : "; did you mean '" + close + "'?")
                  << " (see dino fetch --list)\n";
        return kUsage;
    }
    if (!dino::api::isMedmnistSize(size)) return p.usageError("--size must be 28, 64, 128 or 224, got " + std::to_string(size));
    if (cache.empty()) cache = dino::api::defaultCacheDirectory();
    cache = dino::expandHome(cache);

    const std::string file = dino::api::medmnistFileName(flag, size);
    const bool terminal = stdoutIsTerminal();
    auto t0 = std::chrono::steady_clock::now();
    int last_decile = -1;
    auto progress = [&](int64_t done, int64_t total) {
        if (dino::cli::interrupted()) return false;
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (terminal) {
            std::printf("\r%s  %s / %s  %s  %.1f MB/s   ", file.c_str(), megabytes(done).c_str(),
                        total > 0 ? megabytes(total).c_str() : "?",
                        total > 0 ? (std::to_string(done * 100 / total) + "%").c_str() : "",
                        s > 0 ? done / 1e6 / s : 0.0);
            std::fflush(stdout);
        } else if (total > 0) {
            int decile = static_cast<int>(done * 10 / total);
            if (decile != last_decile) {
                last_decile = decile;
                std::printf("%s: %d%% (%s of %s)\n", file.c_str(), decile * 10, megabytes(done).c_str(),
                            megabytes(total).c_str());
                std::fflush(stdout);
            }
        }
        return true;
    };
    dino::cli::CancelScope cancellable;
    int rc = kOk;
    try {
        std::cout << "fetching " << flag << " (" << size << " px) from "
                  << (url.empty() ? dino::api::medmnistUrl(flag, size) : url) << "\n into " << cache << "\n";
        const std::string path = dino::api::fetchDataset(flag, size, cache, progress, url, md5);
        if (terminal) std::printf("\n");
        std::cout << "ok: " << path << " (MD5 " << dino::api::fileMd5(path) << " verified)\n";
    } catch (const dino::api::DownloadCancelled& e) {
        if (terminal) std::printf("\n");
        std::cerr << "cancelled: " << e.what() << "\n";
        rc = kCancelled;
    } catch (const std::exception& e) {
        if (terminal) std::printf("\n");
        std::cerr << "error: " << e.what() << "\n";
        rc = kFailure;
    }
    return rc;
}

}  // namespace

DINO_COMMAND("fetch", "download a MedMNIST dataset (MD5-checked) into the cache", runFetch);
