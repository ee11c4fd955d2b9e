// Downloads a MedMNIST file with libcurl: progress, cancel, MD5 check, temp name renamed only after
// the check. Errors say what to do (offline: copy the file into the cache directory by hand).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace dino {

struct FetchOptions {
    std::string url;           // empty: the registry's official address
    std::string expected_md5;  // empty: the registry's (unknown for sizes other than 28: not checked, said so)
    std::string dest_dir;
    std::string file_name;
    long timeout_s = 600;      // abort when no byte arrived for this long (a stalled transfer)
    long connect_timeout_s = 30;
    // (bytes_done, bytes_total or -1) -> false to cancel.
    std::function<bool(int64_t, int64_t)> progress;
};

// Thrown when the progress callback asked to stop; the partial file is removed.
class FetchCancelled : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Returns the final path. Throws std::runtime_error with a readable message.
std::string fetchFile(const FetchOptions& opt);
std::string fetchMedmnist(const std::string& flag, int size, const std::string& cache_dir,
                          std::function<bool(int64_t, int64_t)> progress = {}, const std::string& url_override = "");

std::string md5File(const std::string& path);

// The cache directory when none is configured: $DINO_DATA_DIR, else ~/.medmnist (like the Python package).
std::string defaultCacheDirectory();

}  // namespace dino
