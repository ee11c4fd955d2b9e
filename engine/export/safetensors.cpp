#include "export/safetensors.h"

#include "common/fsutil.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>
#include <stdexcept>

namespace dino {

namespace {

using ojson = nlohmann::ordered_json;

struct DtypeInfo {
    const char* name;
    torch::ScalarType type;
    int64_t size;
};

const std::vector<DtypeInfo>& dtypeTable() {
    static const std::vector<DtypeInfo> table = {
        {"F64", torch::kDouble, 8}, {"F32", torch::kFloat, 4},  {"F16", torch::kHalf, 2},
        {"BF16", torch::kBFloat16, 2}, {"I64", torch::kLong, 8}, {"I32", torch::kInt, 4},
        {"I16", torch::kShort, 2},  {"I8", torch::kChar, 1},    {"U8", torch::kByte, 1},
        {"BOOL", torch::kBool, 1}};
    return table;
}

const DtypeInfo* dtypeByName(const std::string& name) {
    for (const auto& d : dtypeTable())
        if (name == d.name) return &d;
    return nullptr;
}

std::string supportedDtypes() {
    std::string s;
    for (const auto& d : dtypeTable()) s += (s.empty() ? "" : " ") + std::string(d.name);
    return s;
}

void requireLittleEndianHost() {
    const uint16_t probe = 1;
    uint8_t first = 0;
    std::memcpy(&first, &probe, 1);
    if (first != 1) throw std::runtime_error("safetensors: big-endian hosts are not supported");
}

[[noreturn]] void fail(const std::string& where, const std::string& what) {
    throw std::runtime_error(where + ": " + what);
}

uint64_t toU64(const ojson& v, const std::string& where, const std::string& what) {
    if (!v.is_number_integer() || (v.is_number_integer() && !v.is_number_unsigned() && v.get<int64_t>() < 0))
        fail(where, what + " must be a non-negative integer, got " + v.dump());
    return v.get<uint64_t>();
}

}  // namespace

const NamedTensor* SafetensorsFile::find(const std::string& name) const {
    for (const auto& t : tensors)
        if (t.name == name) return &t;
    return nullptr;
}

std::string safetensorsDtypeName(torch::ScalarType t) {
    for (const auto& d : dtypeTable())
        if (d.type == t) return d.name;
    throw std::invalid_argument(std::string("safetensors: unsupported tensor dtype ") + c10::toString(t) +
                                " (supported: " + supportedDtypes() + ")");
}

std::string safetensorsBytes(const std::vector<NamedTensor>& tensors, const SafetensorsMetadata& metadata) {
    requireLittleEndianHost();
    ojson header = ojson::object();
    if (!metadata.empty()) {
        ojson meta = ojson::object();
        for (const auto& [k, v] : metadata) meta[k] = v;
        header["__metadata__"] = meta;
    }
    std::set<std::string> names;
    std::vector<torch::Tensor> data;
    uint64_t offset = 0;
    for (const auto& nt : tensors) {
        if (nt.name.empty() || nt.name == "__metadata__")
            throw std::invalid_argument("safetensors: invalid tensor name '" + nt.name + "'");
        if (!names.insert(nt.name).second)
            throw std::invalid_argument("safetensors: duplicate tensor name '" + nt.name + "'");
        if (!nt.tensor.defined()) throw std::invalid_argument("safetensors: tensor '" + nt.name + "' is undefined");
        const auto t = nt.tensor.detach().to(torch::kCPU).contiguous();
        const uint64_t bytes = uint64_t(t.numel()) * uint64_t(t.element_size());
        header[nt.name] = {{"dtype", safetensorsDtypeName(t.scalar_type())},
                           {"shape", t.sizes().vec()},
                           {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
        data.push_back(t);
    }
    std::string json = header.dump();
    json.append((8 - json.size() % 8) % 8, ' ');
    std::string out;
    out.reserve(8 + json.size() + offset);
    const uint64_t n = json.size();
    for (int i = 0; i < 8; ++i) out.push_back(char((n >> (8 * i)) & 0xff));
    out += json;
    for (const auto& t : data)
        out.append(static_cast<const char*>(t.data_ptr()), size_t(t.numel()) * size_t(t.element_size()));
    return out;
}

void writeSafetensors(const std::string& path, const std::vector<NamedTensor>& tensors,
                      const SafetensorsMetadata& metadata) {
    writeFileAtomic(path, safetensorsBytes(tensors, metadata));
}

SafetensorsFile parseSafetensors(const std::string& bytes, const std::string& where) {
    requireLittleEndianHost();
    if (bytes.size() < 8)
        fail(where, "truncated: " + std::to_string(bytes.size()) +
                        " bytes, but a safetensors file starts with an 8-byte header length");
    uint64_t n = 0;
    for (int i = 0; i < 8; ++i) n |= uint64_t(uint8_t(bytes[i])) << (8 * i);
    const uint64_t available = bytes.size() - 8;
    if (n > available)
        fail(where, "header length " + std::to_string(n) + " exceeds the " + std::to_string(available) +
                        " bytes after it: truncated, or not a safetensors file");
    if (n < 2) fail(where, "header length " + std::to_string(n) + " is too small for a JSON header");
    ojson header;
    try {
        header = ojson::parse(bytes.begin() + 8, bytes.begin() + 8 + int64_t(n));
    } catch (const std::exception& e) {
        fail(where, std::string("header is not valid JSON: ") + e.what());
    }
    if (!header.is_object()) fail(where, "header must be a JSON object");
    const uint64_t data_size = available - n;
    const char* data = bytes.data() + 8 + n;

    SafetensorsFile file;
    struct Entry {
        std::string name, dtype;
        std::vector<int64_t> shape;
        uint64_t begin, end;
    };
    std::vector<Entry> entries;
    for (const auto& [key, value] : header.items()) {
        if (key == "__metadata__") {
            if (!value.is_object()) fail(where, "__metadata__ must be an object of strings");
            for (const auto& [mk, mv] : value.items()) {
                if (!mv.is_string()) fail(where, "__metadata__ entry '" + mk + "' must be a string, got " + mv.dump());
                file.metadata[mk] = mv.get<std::string>();
            }
            continue;
        }
        const std::string what = "tensor '" + key + "'";
        if (!value.is_object()) fail(where, what + ": entry must be an object");
        for (const char* field : {"dtype", "shape", "data_offsets"})
            if (!value.contains(field)) fail(where, what + ": missing \"" + field + "\"");
        if (!value["dtype"].is_string()) fail(where, what + ": dtype must be a string");
        Entry e;
        e.name = key;
        e.dtype = value["dtype"].get<std::string>();
        const DtypeInfo* dt = dtypeByName(e.dtype);
        if (!dt) fail(where, what + ": unsupported dtype '" + e.dtype + "' (supported: " + supportedDtypes() + ")");
        if (!value["shape"].is_array()) fail(where, what + ": shape must be an array");
        uint64_t numel = 1;
        for (const auto& d : value["shape"]) {
            const uint64_t dim = toU64(d, where, what + ": shape entry");
            if (dim > (uint64_t(1) << 62) || (dim != 0 && numel > (uint64_t(1) << 62) / dim))
                fail(where, what + ": shape " + value["shape"].dump() + " is too large");
            numel *= dim;
            e.shape.push_back(int64_t(dim));
        }
        const auto& off = value["data_offsets"];
        if (!off.is_array() || off.size() != 2) fail(where, what + ": data_offsets must be [begin, end]");
        e.begin = toU64(off[0], where, what + ": data_offsets[0]");
        e.end = toU64(off[1], where, what + ": data_offsets[1]");
        if (e.end < e.begin) fail(where, what + ": data_offsets " + off.dump() + " end before begin");
        const uint64_t expected = numel * uint64_t(dt->size);
        if (e.end - e.begin != expected)
            fail(where, what + ": data_offsets " + off.dump() + " hold " + std::to_string(e.end - e.begin) +
                            " bytes, but " + e.dtype + " " + value["shape"].dump() + " needs " +
                            std::to_string(expected));
        if (e.end > data_size)
            fail(where, what + ": data_offsets " + off.dump() + " reach past the " + std::to_string(data_size) +
                            " data bytes in the file: truncated");
        entries.push_back(std::move(e));
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    uint64_t expected_begin = 0;
    for (const auto& e : entries) {
        if (e.begin != expected_begin)
            fail(where, "tensor '" + e.name + "' starts at byte " + std::to_string(e.begin) + ", expected " +
                            std::to_string(expected_begin) + " (tensor data overlaps or has a gap)");
        expected_begin = e.end;
    }
    if (expected_begin != data_size)
        fail(where, std::to_string(data_size - expected_begin) + " bytes after the last tensor are not described by the header");

    for (const auto& e : entries) {
        const DtypeInfo* dt = dtypeByName(e.dtype);
        auto t = torch::empty(e.shape, torch::TensorOptions().dtype(dt->type));
        if (e.end > e.begin) std::memcpy(t.data_ptr(), data + e.begin, size_t(e.end - e.begin));
        file.tensors.push_back({e.name, t});
        file.dtypes.push_back(e.dtype);
    }
    return file;
}

SafetensorsFile readSafetensors(const std::string& path) { return parseSafetensors(readTextFile(path), path); }

}  // namespace dino
