#include "data/fetch.h"

#include "common/fsutil.h"
#include "data/md5.h"
#include "data/medmnist_registry.h"

#include <curl/curl.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace dino {

namespace fs = std::filesystem;

namespace {

void globalInit() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
    std::FILE* file = nullptr;
    Md5 md5;
    int64_t written = 0;
    bool write_failed = false;
    const FetchOptions* opt = nullptr;
};

size_t onWrite(char* data, size_t size, size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t bytes = size * n;
    if (std::fwrite(data, 1, bytes, t->file) != bytes) {
        t->write_failed = true;
        return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
    }
    t->md5.update(data, bytes);
    t->written += static_cast<int64_t>(bytes);
    return bytes;
}

int onProgress(void* user, curl_off_t total, curl_off_t now, curl_off_t, curl_off_t) {
    auto* t = static_cast<Transfer*>(user);
    if (!t->opt->progress) return 0;
    return t->opt->progress(static_cast<int64_t>(now), total > 0 ? static_cast<int64_t>(total) : -1) ? 0 : 1;
}

void removeQuietly(const std::string& path) {
    std::error_code ec;
    fs::remove(path, ec);
}

}  // namespace

std::string fetchFile(const FetchOptions& opt) {
    if (opt.url.empty()) throw std::invalid_argument("fetchFile: no URL given");
    if (opt.dest_dir.empty() || opt.file_name.empty()) throw std::invalid_argument("fetchFile: no destination given");
    globalInit();
    ensureDir(opt.dest_dir);
    const std::string final_path = (fs::path(opt.dest_dir) / opt.file_name).string();
    const std::string part = final_path + ".part";
    const std::string by_hand = "download " + opt.url + " on a machine with internet access and copy it to " +
                                final_path + " by hand";

    Transfer t;
    t.opt = &opt;
    t.file = std::fopen(part.c_str(), "wb");
    if (!t.file) throw std::runtime_error("cannot write " + part + " (is the cache directory writable?)");

    CURL* curl = curl_easy_init();
    if (!curl) {
        std::fclose(t.file);
        removeQuietly(part);
        throw std::runtime_error("libcurl could not be initialised");
    }
    char errbuf[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, opt.url.c_str());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
    curl_easy_setopt(curl, CURLOPT_FAILONERROR, 1L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "dino-studio/" DINO_VERSION);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onWrite);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, opt.connect_timeout_s);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, opt.timeout_s);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);

    CURLcode rc = curl_easy_perform(curl);
    long http = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &http);
    curl_off_t expected_len = -1;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &expected_len);
    curl_easy_cleanup(curl);
    bool close_failed = std::fclose(t.file) != 0;

    const std::string detail = errbuf[0] ? std::string(errbuf) : std::string(curl_easy_strerror(rc));
    if (rc != CURLE_OK) removeQuietly(part);
    switch (rc) {
        case CURLE_OK: break;
        case CURLE_ABORTED_BY_CALLBACK: throw FetchCancelled("download of " + opt.file_name + " cancelled");
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT:
            throw std::runtime_error("cannot reach " + opt.url + " (" + detail + "). If this machine is offline, " +
                                     by_hand + ".");
        case CURLE_OPERATION_TIMEDOUT:
            throw std::runtime_error("download of " + opt.url + " timed out (" + detail +
                                     "); try again later, or " + by_hand + ".");
        case CURLE_PARTIAL_FILE:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
            throw std::runtime_error("download of " + opt.url + " was truncated: received " +
                                     std::to_string(t.written) + " of " +
                                     (expected_len > 0 ? std::to_string(expected_len) : std::string("?")) +
                                     " bytes (" + detail + "); the partial file was removed, try again");
        case CURLE_HTTP_RETURNED_ERROR:
            throw std::runtime_error("the server answered HTTP " + std::to_string(http) + " for " + opt.url +
                                     "; check the address, or " + by_hand + ".");
        case CURLE_WRITE_ERROR:
            if (t.write_failed)
                throw std::runtime_error("cannot write " + part + " (disk full?) while downloading " + opt.url);
            [[fallthrough]];
        default:
            throw std::runtime_error("download of " + opt.url + " failed: " + detail);
    }
    if (close_failed) {
        removeQuietly(part);
        throw std::runtime_error("cannot write " + part + " (disk full?)");
    }
    if (expected_len > 0 && t.written != expected_len) {
        removeQuietly(part);
        throw std::runtime_error("download of " + opt.url + " was truncated: received " + std::to_string(t.written) +
                                 " of " + std::to_string(expected_len) + " bytes; the partial file was removed, try again");
    }
    const std::string got = t.md5.hexDigest();
    if (!opt.expected_md5.empty() && got != opt.expected_md5) {
        removeQuietly(part);
        throw std::runtime_error("MD5 mismatch for " + opt.file_name + " from " + opt.url + ": expected " +
                                 opt.expected_md5 + ", got " + got +
                                 "; the downloaded file was removed. Try again, or check the address");
    }
    std::error_code ec;
    fs::rename(part, final_path, ec);
    if (ec) {
        removeQuietly(part);
        throw std::runtime_error("cannot rename " + part + " to " + final_path + ": " + ec.message());
    }
    return final_path;
}

std::string defaultCacheDirectory() {
    const char* env = std::getenv("DINO_DATA_DIR");
    if (env && *env) return expandHome(env);
    return expandHome("~/.medmnist");
}

std::string fetchMedmnist(const std::string& flag, int size, const std::string& cache_dir,
                          std::function<bool(int64_t, int64_t)> progress, const std::string& url_override) {
    const MedmnistDataset* d = findMedmnist(flag);
    if (!d) {
        std::string flags;
        for (const auto& m : medmnistDatasets()) flags += (flags.empty() ? "" : ", ") + m.flag;
        throw std::runtime_error("unknown MedMNIST dataset '" + flag + "'; expected one of " + flags);
    }
    if (!isMedmnistSize(size))
        throw std::runtime_error("size " + std::to_string(size) + " is not a MedMNIST size (expected 28, 64, 128 or 224)");
    FetchOptions opt;
    opt.url = url_override.empty() ? d->url(size) : url_override;
    opt.expected_md5 = d->md5(size);
    opt.dest_dir = cache_dir.empty() ? defaultCacheDirectory() : expandHome(cache_dir);
    opt.file_name = d->fileName(size);
    opt.progress = std::move(progress);
    const std::string final_path = (fs::path(opt.dest_dir) / opt.file_name).string();
    std::error_code ec;
    if (fs::is_regular_file(final_path, ec) && (opt.expected_md5.empty() || md5File(final_path) == opt.expected_md5))
        return final_path;  // already there and verified
    return fetchFile(opt);
}

}  // namespace dino
