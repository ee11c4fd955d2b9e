#include "export/tensorboard_events.h"

#include "common/fsutil.h"

#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace dino::tensorboard {
namespace {

// --- protobuf wire format: varint (0), 64-bit (1), length-delimited (2), 32-bit (5) ---
void varint(std::string& out, uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}
void key(std::string& out, int field, int wire_type) { varint(out, (static_cast<uint64_t>(field) << 3) | wire_type); }
template <class T>
void littleEndian(std::string& out, T v) {
    unsigned char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));  // x86-64 and the other platforms libtorch supports are little-endian
    out.append(reinterpret_cast<const char*>(b), sizeof(T));
}
void fieldVarint(std::string& out, int field, uint64_t v) {
    key(out, field, 0);
    varint(out, v);
}
void fieldDouble(std::string& out, int field, double v) {
    key(out, field, 1);
    littleEndian(out, v);
}
void fieldFloat(std::string& out, int field, float v) {
    key(out, field, 5);
    littleEndian(out, v);
}
void fieldBytes(std::string& out, int field, const std::string& bytes) {
    key(out, field, 2);
    varint(out, bytes.size());
    out += bytes;
}

// Event { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; }
std::string event(double wall_time, int64_t step, const std::string* file_version, const std::string* summary) {
    std::string e;
    fieldDouble(e, 1, wall_time);
    if (step != 0) fieldVarint(e, 2, static_cast<uint64_t>(step));
    if (file_version) fieldBytes(e, 3, *file_version);
    if (summary) fieldBytes(e, 5, *summary);
    return e;
}

// Summary { repeated Value value = 1; } with one Value carrying the hparams plugin's data:
// Value { string tag = 1; SummaryMetadata metadata = 9; }, SummaryMetadata { PluginData plugin_data = 1; },
// PluginData { string plugin_name = 1; bytes content = 2; }.
std::string hparamsSummary(const std::string& tag, const std::string& plugin_content) {
    std::string plugin_data, metadata, value, summary;
    fieldBytes(plugin_data, 1, "hparams");
    fieldBytes(plugin_data, 2, plugin_content);
    fieldBytes(metadata, 1, plugin_data);
    fieldBytes(value, 1, tag);
    fieldBytes(value, 9, metadata);
    fieldBytes(summary, 1, value);
    return summary;
}

// google.protobuf.Value { double number_value = 2; string string_value = 3; bool bool_value = 4; }
std::string protoValue(const HParamValue& v) {
    std::string out;
    if (const double* d = std::get_if<double>(&v)) fieldDouble(out, 2, *d);
    else if (const std::string* s = std::get_if<std::string>(&v)) fieldBytes(out, 3, *s);
    else fieldVarint(out, 4, std::get<bool>(v) ? 1 : 0);
    return out;
}

std::string hostName() {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0 || !buf[0]) return "localhost";
    return buf;
}

}  // namespace

uint32_t crc32c(const void* data, size_t size) {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    uint32_t crc = 0xFFFFFFFFu;
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < size; ++i) crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

uint32_t maskedCrc32c(const void* data, size_t size) {
    const uint32_t crc = crc32c(data, size);
    return ((crc >> 15) | (crc << 17)) + 0xA282EAD8u;
}

std::string tfRecord(const std::string& data) {
    std::string out;
    const uint64_t length = data.size();
    std::string len_bytes;
    littleEndian(len_bytes, length);
    out += len_bytes;
    littleEndian(out, maskedCrc32c(len_bytes.data(), len_bytes.size()));
    out += data;
    littleEndian(out, maskedCrc32c(data.data(), data.size()));
    return out;
}

std::string fileVersionEvent(double wall_time) {
    const std::string version = "brain.Event:2";
    return event(wall_time, 0, &version, nullptr);
}

std::string scalarEvent(const std::string& tag, int64_t step, double wall_time, float value) {
    // Summary { Value { string tag = 1; float simple_value = 2; } }
    std::string v, summary;
    fieldBytes(v, 1, tag);
    fieldFloat(v, 2, value);
    fieldBytes(summary, 1, v);
    return event(wall_time, step, nullptr, &summary);
}

std::string sessionStartEvent(const std::vector<HParam>& hparams, double start_time, double wall_time) {
    // SessionStartInfo { map<string, google.protobuf.Value> hparams = 1; double start_time_secs = 5; }
    // (a map entry is a message { key = 1; value = 2; }); HParamsPluginData { int32 version = 1;
    // SessionStartInfo session_start_info = 3; SessionEndInfo session_end_info = 4; }
    std::string info;
    for (const HParam& h : hparams) {
        std::string entry;
        fieldBytes(entry, 1, h.name);
        fieldBytes(entry, 2, protoValue(h.value));
        fieldBytes(info, 1, entry);
    }
    fieldDouble(info, 5, start_time);
    std::string plugin;  // version 0, protobuf's default, is not written (as protobuf's own encoder does)
    fieldBytes(plugin, 3, info);
    const std::string summary = hparamsSummary("_hparams_/session_start_info", plugin);
    return event(wall_time, 0, nullptr, &summary);
}

std::string sessionEndEvent(SessionStatus status, double end_time, double wall_time) {
    // SessionEndInfo { Status status = 1; double end_time_secs = 2; }; HParamsPluginData { session_end_info = 4; }
    std::string info, plugin;
    fieldVarint(info, 1, static_cast<uint64_t>(status));
    fieldDouble(info, 2, end_time);
    fieldBytes(plugin, 4, info);
    const std::string summary = hparamsSummary("_hparams_/session_end_info", plugin);
    return event(wall_time, 0, nullptr, &summary);
}

EventFile::EventFile(double start_wall_time) : start_(start_wall_time) { bytes_ = tfRecord(fileVersionEvent(start_)); }

void EventFile::scalar(const std::string& tag, int64_t step, double wall_time, float value) {
    bytes_ += tfRecord(scalarEvent(tag, step, wall_time, value));
    ++scalars_;
}

void EventFile::sessionStart(const std::vector<HParam>& hparams, double start_time) {
    bytes_ += tfRecord(sessionStartEvent(hparams, start_time, start_time));
}

void EventFile::sessionEnd(SessionStatus status, double end_time) {
    bytes_ += tfRecord(sessionEndEvent(status, end_time, end_time));
}

std::string EventFile::write(const std::string& dir) const {
    ensureDir(dir);
    char name[64];
    std::snprintf(name, sizeof name, "events.out.tfevents.%lld.", static_cast<long long>(std::floor(start_)));
    const std::string path = (std::filesystem::path(dir) / (name + hostName())).string();
    writeFileAtomic(path, bytes_);
    return path;
}

}  // namespace dino::tensorboard
