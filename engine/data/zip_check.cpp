#include "data/zip_check.h"

#include <zip.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace dino {

void checkZipIntegrity(const std::string& bytes, const std::string& name) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!src) {
        std::string msg = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw std::runtime_error(name + ": cannot read: " + msg);
    }
    zip_t* zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!zip) {
        std::string msg = zip_error_strerror(&error);
        zip_source_free(src);
        zip_error_fini(&error);
        throw std::runtime_error(name + ": not a valid archive - truncated or corrupted? (" + msg + ")");
    }
    zip_error_fini(&error);
    std::unique_ptr<zip_t, int (*)(zip_t*)> guard(zip, zip_close);
    const zip_int64_t n = zip_get_num_entries(zip, 0);
    std::vector<char> buf(1 << 16);
    for (zip_int64_t i = 0; i < n; ++i) {
        const char* member = zip_get_name(zip, static_cast<zip_uint64_t>(i), 0);
        const std::string mname = member ? member : "#" + std::to_string(i);
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st) != 0)
            throw std::runtime_error(name + ": member '" + mname + "' is damaged (" + zip_strerror(zip) + ")");
        zip_file_t* f = zip_fopen_index(zip, static_cast<zip_uint64_t>(i), 0);
        if (!f) throw std::runtime_error(name + ": member '" + mname + "' is damaged (" + zip_strerror(zip) + ")");
        zip_uint64_t total = 0;
        while (true) {
            const zip_int64_t got = zip_fread(f, buf.data(), buf.size());
            if (got < 0) {
                std::string msg = zip_file_strerror(f);
                zip_fclose(f);
                throw std::runtime_error(name + ": member '" + mname + "' is damaged (" + msg + ")");
            }
            if (got == 0) break;
            total += static_cast<zip_uint64_t>(got);
        }
        // libzip checks the CRC when the member has been read to its end; closing reports it.
        const int rc = zip_fclose(f);
        if (rc != 0 || ((st.valid & ZIP_STAT_SIZE) && total != st.size))
            throw std::runtime_error(name + ": member '" + mname + "' is damaged (" +
                                     (rc != 0 ? std::string(zip_error_strerror(zip_get_error(zip))) : "wrong size") + ")");
    }
}

}  // namespace dino
