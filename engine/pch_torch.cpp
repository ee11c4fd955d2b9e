// The one source of the dino_pch target, which exists to compile pch_torch.h once for every torch
// target (engine/CMakeLists.txt).
