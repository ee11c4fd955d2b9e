// The teacher encoder as a timm-compatible safetensors file, and back.
// Tensor names are timm 0.9's VisionTransformer state_dict names (cls_token, pos_embed,
// patch_embed.proj.weight, norm_pre.*, blocks.N.*, norm.*), float32. "__metadata__" holds:
//   format           "pt"
//   timm_class       "timm.models.vision_transformer.VisionTransformer"
//   timm_args        JSON of its keyword arguments, e.g. the seed's vit_tiny_args
//                    {"img_size":28,"patch_size":4,"in_chans":3,"embed_dim":192,"depth":12,
//                     "num_heads":3,"mlp_ratio":4.0,"num_classes":0,"pre_norm":true}
//   dino_model       JSON of the run's "model" config section (when known)
//   producer         "DINO Studio <version>"
// plus whatever the caller adds (epoch, step, source run). In Python:
//   VisionTransformer(**json.loads(meta["timm_args"])).load_state_dict(tensors)
#pragma once

#include "export/safetensors.h"
#include "model/vision_transformer.h"

#include <optional>
#include <string>

namespace dino {

// timm's VisionTransformer keyword arguments for these options, as compact JSON.
std::string timmArgsJson(const VitOptions& o);

// VitOptions from a file's "timm_args" metadata; nullopt when absent. Throws naming the file and the
// argument when it is malformed or asks for something this ViT does not have (num_classes != 0, ...).
std::optional<VitOptions> vitOptionsFromMetadata(const SafetensorsMetadata& meta, const std::string& where);

// The encoder's parameters and buffers under their names, detached float32 CPU copies.
std::vector<NamedTensor> encoderTensors(VisionTransformer& encoder);

// The metadata block described above; model may be null (then no "dino_model").
SafetensorsMetadata encoderMetadata(const VitOptions& o, const ModelConfig* model = nullptr);

// Writes encoderTensors + encoderMetadata (+ extra entries) atomically to path.
void saveEncoderWeights(VisionTransformer& encoder, const std::string& path, const ModelConfig* model = nullptr,
                        const SafetensorsMetadata& extra = {});

// Loads a safetensors file (timm names) into the encoder. Everything is checked before anything is
// copied, so on error the encoder is unchanged: timm_args that differ from the encoder's options,
// missing and unexpected tensors, shapes and non-floating dtypes, each error naming the file and the
// tensor. F16/BF16/F64 tensors are converted to the parameter's dtype.
void loadEncoderWeights(VisionTransformer& encoder, const std::string& path);
void loadEncoderWeights(VisionTransformer& encoder, const SafetensorsFile& file, const std::string& where);

}  // namespace dino
