// `dino fetch <flag>`: downloads a MedMNIST file into the cache with progress and an MD5 check.
#include "command.h"
#include "interrupt.h"

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

int runFetch(const dino::cli::Args& a) {
    using namespace dino::cli;
    if (hasFlag(a, "--help") || hasFlag(a, "-h")) {
        std::cout << "usage: dino fetch <flag> [--size 28] [--cache DIR] [--url URL] [--md5 HEX]\n"
                     "       dino fetch --list\n\n"
                     "Downloads a MedMNIST dataset file (e.g. pathmnist) into the cache directory\n"
                     "(default $DINO_DATA_DIR, else ~/.medmnist, like the Python package), shows progress,\n"
                     "verifies the official MD5 and only then renames <file>.part to its final name.\n"
                     "--url downloads from a mirror instead (still checked against the official MD5,\n"
                     "or against --md5). Ctrl-C cancels and removes the partial file.\n"
                     "Offline? Copy the .npz into the cache directory by hand.\n";
        return kOk;
    }
    if (hasFlag(a, "--list")) {
        printList();
        return kOk;
    }
    auto pos = positionals(a, {"--size", "--cache", "--url", "--md5"});
    if (pos.size() != 1) {
        std::cerr << "usage: dino fetch <flag> [--size 28] [--cache DIR] [--url URL] (dino fetch --list)\n";
        return kUsage;
    }
    const std::string flag = pos[0];
    if (!dino::api::isMedmnistFlag(flag)) {
        std::cerr << "error: unknown dataset '" << pos[0] << "' (see dino fetch --list)\n";
        return kUsage;
    }
    int size = 28;
    try {
        size = std::stoi(option(a, "--size", "28"));
    } catch (const std::exception&) {
        std::cerr << "error: --size expects 28, 64, 128 or 224\n";
        return kUsage;
    }
    if (!dino::api::isMedmnistSize(size)) {
        std::cerr << "error: --size expects 28, 64, 128 or 224 (got " << size << ")\n";
        return kUsage;
    }
    std::string cache = option(a, "--cache");
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
        const std::string url = option(a, "--url"), md5 = option(a, "--md5");
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
