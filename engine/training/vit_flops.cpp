#include "training/vit_flops.h"

namespace dino {

double vitForwardFlops(const ModelConfig& m, int img_size) {
    const double p = m.patch_size;
    const double n = static_cast<double>(img_size / m.patch_size) * static_cast<double>(img_size / m.patch_size);
    const double T = n + 1;  // + class token
    const double D = m.embed_dim;
    const double M = static_cast<double>(static_cast<int>(m.embed_dim * m.mlp_ratio));
    double f = 2 * n * (3 * p * p) * D;  // patch embedding
    double block = 2 * T * D * (3 * D)   // qkv
                   + 2 * T * T * D       // q k^T (all heads together)
                   + 2 * T * T * D       // attention-weighted values
                   + 2 * T * D * D       // output projection
                   + 2 * T * D * M * 2;  // fc1 + fc2
    // The last block computes the class token only (BlockImpl::forwardClassToken): keys and values
    // of every token, then one row of query, attention, projection and MLP.
    double last = 2 * T * D * (2 * D) + 2 * D * D  // k, v of all tokens; q of the class token
                  + 2 * T * D + 2 * T * D          // one attention row and its weighted values
                  + 2 * D * D + 2 * D * M * 2;     // projection and MLP of one token
    f += (m.depth - 1) * block + last;
    // Head on the class token: nlayers Linear layers ending at the bottleneck, then the last layer.
    const double H = m.hiddenDim(), Bn = m.bottleneckDim();
    if (m.head_nlayers == 1) {
        f += 2 * D * Bn;
    } else {
        f += 2 * D * H + 2 * H * H * (m.head_nlayers - 2) + 2 * H * Bn;
    }
    f += 2 * Bn * m.out_dim;
    return f;
}

double dinoTrainFlopsPerImage(const ModelConfig& m, int num_global, int global_size, int num_local, int local_size) {
    double g = vitForwardFlops(m, global_size), l = vitForwardFlops(m, local_size);
    return 3 * (num_global * g + num_local * l) + num_global * g;
}

}  // namespace dino
