#include "export/npz_writer.h"

#include "export/npy.h"

#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace dino {

void writeNpz(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& arrays) {
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    std::remove(tmp.c_str());
    int err = 0;
    zip_t* zip = zip_open(tmp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!zip) {
        zip_error_t e;
        zip_error_init_with_code(&e, err);
        std::string msg = zip_error_strerror(&e);
        zip_error_fini(&e);
        throw std::runtime_error(path + ": cannot create (" + msg + ")");
    }
    // libzip reads the buffers when the archive is closed, so they live until then.
    std::vector<std::string> bytes;
    bytes.reserve(arrays.size());
    auto fail = [&](const std::string& what) {
        std::string msg = zip_strerror(zip);
        zip_discard(zip);
        std::remove(tmp.c_str());
        throw std::runtime_error(path + ": " + what + " (" + msg + ")");
    };
    for (const auto& [name, tensor] : arrays) {
        bytes.push_back(npyBytes(tensor));
        zip_source_t* src = zip_source_buffer(zip, bytes.back().data(), bytes.back().size(), 0);
        if (!src) fail("cannot add member '" + name + ".npy'");
        const zip_int64_t index = zip_file_add(zip, (name + ".npy").c_str(), src, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(src);
            fail("cannot add member '" + name + ".npy'");
        }
        if (zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 6) < 0)
            fail("cannot compress member '" + name + ".npy'");
    }
    if (zip_close(zip) < 0) fail("cannot write");
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        throw std::runtime_error(path + ": cannot rename the finished file into place (" + ec.message() + ")");
    }
}

}  // namespace dino
