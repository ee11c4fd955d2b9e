// The safetensors format (huggingface/safetensors): an 8-byte little-endian header length N, N bytes
// of JSON header {"__metadata__": {str: str}, "<name>": {"dtype": "F32", "shape": [...],
// "data_offsets": [begin, end]}, ...} padded with spaces to a multiple of 8, then the raw
// little-endian tensor bytes, row-major, offsets relative to the end of the header, without holes.
// Written from scratch after the format description; no Python or Rust library involved.
#pragma once

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

namespace dino {

struct NamedTensor {
    std::string name;
    torch::Tensor tensor;
};

using SafetensorsMetadata = std::map<std::string, std::string>;

struct SafetensorsFile {
    std::vector<NamedTensor> tensors;  // in the order of their data offsets
    std::vector<std::string> dtypes;   // the header's dtype string for each tensor ("F32", ...)
    SafetensorsMetadata metadata;      // "__metadata__" (empty when absent)
    const NamedTensor* find(const std::string& name) const;  // nullptr when absent
};

// "F32" <-> torch dtype; the supported set is F64 F32 F16 BF16 I64 I32 I16 I8 U8 BOOL.
std::string safetensorsDtypeName(torch::ScalarType t);  // throws for unsupported dtypes

// The whole file: header with "__metadata__" first (when non-empty) and the tensors in the order
// given, their data in the same order. Tensors are copied to CPU; names must be unique and non-empty.
std::string safetensorsBytes(const std::vector<NamedTensor>& tensors, const SafetensorsMetadata& metadata = {});

// safetensorsBytes written to a temp name and renamed over path.
void writeSafetensors(const std::string& path, const std::vector<NamedTensor>& tensors,
                      const SafetensorsMetadata& metadata = {});

// Parses and validates a whole file held in memory; `where` (the file name) starts every error:
// truncated data, a bad header length, invalid JSON, unknown dtypes, shapes that do not match their
// byte ranges, overlapping or missing bytes, non-string metadata. Tensors are CPU, contiguous.
SafetensorsFile parseSafetensors(const std::string& bytes, const std::string& where = "safetensors");
SafetensorsFile readSafetensors(const std::string& path);

}  // namespace dino
