#include "data/npz.h"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace dino {

namespace {

std::string zipErrorString(int code) {
    zip_error_t err;
    zip_error_init_with_code(&err, code);
    std::string s = zip_error_strerror(&err);
    zip_error_fini(&err);
    return s;
}

std::string baseName(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

struct ZipFileCloser {
    void operator()(zip_file_t* f) const {
        if (f) zip_fclose(f);
    }
};
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileCloser>;

}  // namespace

struct NpzArchive::Impl {
    std::string name;
    std::string memory;  // owns the bytes of an in-memory archive
    zip_t* zip = nullptr;
    std::vector<std::string> arrays;    // names without .npy
    std::vector<zip_int64_t> indices;   // their zip indices

    ~Impl() {
        if (zip) zip_discard(zip);
    }

    void index() {
        zip_int64_t n = zip_get_num_entries(zip, 0);
        for (zip_int64_t k = 0; k < n; ++k) {
            const char* nm = zip_get_name(zip, static_cast<zip_uint64_t>(k), 0);
            if (!nm) continue;
            std::string s = nm;
            if (s.size() > 4 && s.compare(s.size() - 4, 4, ".npy") == 0) {
                arrays.push_back(s.substr(0, s.size() - 4));
                indices.push_back(k);
            }
        }
    }

    zip_int64_t find(const std::string& array) const {
        auto it = std::find(arrays.begin(), arrays.end(), array);
        if (it == arrays.end()) {
            std::string have;
            for (const auto& a : arrays) have += (have.empty() ? "" : ", ") + a;
            throw std::runtime_error(name + ": no member '" + array + ".npy' (the file holds: " +
                                     (have.empty() ? std::string("no .npy members") : have) +
                                     "); expected the MedMNIST layout train_images, train_labels, val_..., test_...");
        }
        return indices[static_cast<size_t>(it - arrays.begin())];
    }

    ZipFilePtr open(const std::string& array, zip_uint64_t* size_out) const {
        zip_int64_t idx = find(array);
        std::string where = name + ": member '" + array + ".npy'";
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip, static_cast<zip_uint64_t>(idx), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
            throw std::runtime_error(where + ": cannot read its size: " + zip_strerror(zip));
        if (st.valid & ZIP_STAT_COMP_METHOD && !zip_compression_method_supported(st.comp_method, 0))
            throw std::runtime_error(where + ": unsupported compression method " + std::to_string(st.comp_method) +
                                     " (expected stored or deflated, as numpy writes)");
        if (st.valid & ZIP_STAT_ENCRYPTION_METHOD && st.encryption_method != ZIP_EM_NONE)
            throw std::runtime_error(where + ": encrypted members are not supported");
        // A corrupted directory can claim any size; deflate cannot expand more than ~1032:1, so a
        // larger claim is refused before anything is allocated for it.
        if (st.valid & ZIP_STAT_COMP_SIZE && st.valid & ZIP_STAT_COMP_METHOD) {
            const bool stored = st.comp_method == ZIP_CM_STORE;
            const zip_uint64_t limit = stored ? st.comp_size : st.comp_size * 1032 + 4096;
            if (st.size > limit)
                throw std::runtime_error(where + ": the zip directory claims " + std::to_string(st.size) +
                                         " bytes from " + std::to_string(st.comp_size) +
                                         " compressed bytes (corrupted archive)");
        }
        ZipFilePtr f(zip_fopen_index(zip, static_cast<zip_uint64_t>(idx), 0));
        if (!f) throw std::runtime_error(where + ": cannot open: " + zip_strerror(zip));
        *size_out = st.size;
        return f;
    }
};

NpzArchive::NpzArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NpzArchive::NpzArchive(NpzArchive&&) noexcept = default;
NpzArchive& NpzArchive::operator=(NpzArchive&&) noexcept = default;
NpzArchive::~NpzArchive() = default;

NpzArchive NpzArchive::openFile(const std::string& path) {
    auto impl = std::make_unique<Impl>();
    impl->name = path;
    int err = 0;
    impl->zip = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!impl->zip) {
        if (err == ZIP_ER_NOENT || err == ZIP_ER_OPEN)
            throw std::runtime_error(path + ": cannot open: " + zipErrorString(err));
        throw std::runtime_error(path + ": not a valid .npz (zip) file - truncated or corrupted? (" +
                                 zipErrorString(err) + ")");
    }
    impl->index();
    return NpzArchive(std::move(impl));
}

NpzArchive NpzArchive::openMemory(std::string bytes, const std::string& name) {
    auto impl = std::make_unique<Impl>();
    impl->name = name;
    impl->memory = std::move(bytes);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(impl->memory.data(), impl->memory.size(), 0, &error);
    if (!src) {
        std::string msg = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw std::runtime_error(name + ": cannot read: " + msg);
    }
    impl->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!impl->zip) {
        std::string msg = zip_error_strerror(&error);
        zip_source_free(src);
        zip_error_fini(&error);
        throw std::runtime_error(name + ": not a valid .npz (zip) file - truncated or corrupted? (" + msg + ")");
    }
    zip_error_fini(&error);
    impl->index();
    return NpzArchive(std::move(impl));
}

const std::string& NpzArchive::name() const { return impl_->name; }
std::vector<std::string> NpzArchive::arrays() const { return impl_->arrays; }
bool NpzArchive::has(const std::string& array) const {
    return std::find(impl_->arrays.begin(), impl_->arrays.end(), array) != impl_->arrays.end();
}
std::string NpzArchive::where(const std::string& array) const {
    return baseName(impl_->name) + ": member '" + array + ".npy'";
}

namespace {

// Reads exactly n bytes (fewer only at the end of the member); throws on libzip errors (CRC...).
size_t readSome(zip_file_t* f, void* dst, size_t n, const std::string& where) {
    size_t got = 0;
    while (got < n) {
        zip_int64_t r = zip_fread(f, static_cast<char*>(dst) + got, n - got);
        if (r < 0) throw std::runtime_error(where + ": read error (" + std::string(zip_file_strerror(f)) + ")");
        if (r == 0) break;
        got += static_cast<size_t>(r);
    }
    return got;
}

std::string readHeaderBytes(zip_file_t* f, const std::string& where) {
    std::string head(12, '\0');
    size_t got = readSome(f, head.data(), head.size(), where);
    head.resize(got);
    size_t total = npyHeaderSize(head, where);
    if (total == 0) throw std::runtime_error(where + ": truncated .npy header (" + std::to_string(got) + " bytes)");
    if (total > head.size()) {
        size_t have = head.size();
        head.resize(total);
        size_t more = readSome(f, head.data() + have, total - have, where);
        if (more != total - have)
            throw std::runtime_error(where + ": truncated .npy header (" + std::to_string(have + more) +
                                     " bytes, expected " + std::to_string(total) + ")");
    }
    return head;
}

}  // namespace

NpyHeader NpzArchive::header(const std::string& array) const {
    zip_uint64_t size = 0;
    auto f = impl_->open(array, &size);
    std::string w = where(array);
    NpyHeader h = parseNpyHeader(readHeaderBytes(f.get(), w), w);
    if (size != h.data_offset + h.dataBytes())
        throw std::runtime_error(w + ": member is " + std::to_string(size) + " bytes but its header " +
                                 h.shapeString() + " " + h.dtype.descr + " needs " +
                                 std::to_string(h.data_offset + h.dataBytes()));
    return h;
}

void NpzArchive::read(const std::string& array, const std::function<void(const NpyHeader&)>& check,
                      const std::function<void*(const NpyHeader&)>& alloc) const {
    zip_uint64_t size = 0;
    auto f = impl_->open(array, &size);
    std::string w = where(array);
    NpyHeader h = parseNpyHeader(readHeaderBytes(f.get(), w), w);
    if (size != h.data_offset + h.dataBytes())
        throw std::runtime_error(w + ": member is " + std::to_string(size) + " bytes but its header " +
                                 h.shapeString() + " " + h.dtype.descr + " needs " +
                                 std::to_string(h.data_offset + h.dataBytes()) + " (truncated or corrupted)");
    if (check) check(h);
    void* dst = nullptr;
    try {
        dst = alloc(h);
    } catch (const std::runtime_error&) {
        throw;
    } catch (const std::exception& e) {  // std::bad_alloc, or the tensor library's allocation error
        throw std::runtime_error(w + ": cannot allocate " + std::to_string(h.dataBytes()) + " bytes (" + e.what() + ")");
    }
    size_t want = static_cast<size_t>(h.dataBytes());
    size_t got = readSome(f.get(), dst, want, w);
    if (got != want)
        throw std::runtime_error(w + ": truncated data (" + std::to_string(got) + " of " + std::to_string(want) +
                                 " bytes)");
    // Reading to the end lets libzip verify the CRC of the member.
    char extra;
    if (readSome(f.get(), &extra, 1, w) != 0) throw std::runtime_error(w + ": more data than its header declares");
}

}  // namespace dino
