// TensorBoard event files, written without TensorFlow or protobuf: the few messages TensorBoard reads
// (Event, Summary with simple_value scalars, and the HParams plugin's session start and end) encoded by
// hand in protobuf's wire format, framed as TFRecords (length, masked CRC-32C of the length, data,
// masked CRC-32C of the data). Torch-free. The field numbers are those of tensorboard/compat/proto
// (event.proto, summary.proto) and tensorboard/plugins/hparams/plugin_data.proto.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace dino::tensorboard {

// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), and TFRecord's masked form of it.
uint32_t crc32c(const void* data, size_t size);
uint32_t maskedCrc32c(const void* data, size_t size);

// One TFRecord: the framing around an encoded message.
std::string tfRecord(const std::string& data);

// An hparam value: a number, a string or a flag (google.protobuf.Value's number/string/bool).
using HParamValue = std::variant<double, std::string, bool>;
struct HParam {
    std::string name;
    HParamValue value;
};
// The HParams plugin's session end status (its Status enum).
enum class SessionStatus { Unknown = 0, Success = 1, Failure = 2, Running = 3 };

// Encoded Event messages.
std::string fileVersionEvent(double wall_time);  // the first event of every file: "brain.Event:2"
std::string scalarEvent(const std::string& tag, int64_t step, double wall_time, float value);
std::string sessionStartEvent(const std::vector<HParam>& hparams, double start_time, double wall_time);
std::string sessionEndEvent(SessionStatus status, double end_time, double wall_time);

// Collects events and writes one file, events.out.tfevents.<seconds>.<host>, atomically into a folder.
class EventFile {
public:
    explicit EventFile(double start_wall_time);
    void scalar(const std::string& tag, int64_t step, double wall_time, float value);
    void sessionStart(const std::vector<HParam>& hparams, double start_time);
    void sessionEnd(SessionStatus status, double end_time);
    int64_t scalars() const { return scalars_; }
    // Writes the file into dir (created if needed); returns its path.
    std::string write(const std::string& dir) const;

private:
    double start_;
    std::string bytes_;
    int64_t scalars_ = 0;
};

}  // namespace dino::tensorboard
