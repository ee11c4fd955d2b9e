#include "model/fused_attention.h"

#include "model/kernel_switch.h"
#include "model/onednn_gemm.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

#ifdef DINO_HAVE_BLAS
// The CBLAS interface of the system BLAS that libtorch uses too (OpenBLAS on Debian; the header
// comes with libblas-dev).
#include <cblas.h>
#endif

namespace dino {
namespace {

KernelSwitch& enabledFlag() {
    static KernelSwitch flag("DINO_FUSED_ATTENTION");
    return flag;
}

#ifdef DINO_HAVE_BLAS
// Column-major, as the Fortran interface: 'N' or 'T' for each operand.
CBLAS_TRANSPOSE cblasOp(char t) { return t == 'T' || t == 't' ? CblasTrans : CblasNoTrans; }
void blasGemm(char ta, char tb, int m, int n, int k, float alpha, const float* a, int lda, const float* b, int ldb,
              float beta, float* c, int ldc) {
    cblas_sgemm(CblasColMajor, cblasOp(ta), cblasOp(tb), m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
void blasGemm(char ta, char tb, int m, int n, int k, double alpha, const double* a, int lda, const double* b,
              int ldb, double beta, double* c, int ldc) {
    cblas_dgemm(CblasColMajor, cblasOp(ta), cblasOp(tb), m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

// Row-major C (m x n) = alpha * op(A) (m x k) * op(B) (k x n) + beta * C. A row-major matrix is its
// transpose in column-major order, so this is the column-major product C^T = op(B)^T op(A)^T.
// float32 goes to oneDNN's sgemm where available (faster on these 50 x 50 x 64 products).
template <typename T>
void gemmRowMajor(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, T alpha, const T* a, int64_t lda,
                  const T* b, int64_t ldb, T beta, T* c, int64_t ldc) {
    if constexpr (std::is_same_v<T, float>) {
        if (onednnAvailable()) {
            onednnSgemm(trans_a ? 'T' : 'N', trans_b ? 'T' : 'N', m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
    }
    blasGemm(trans_b ? 'T' : 'N', trans_a ? 'T' : 'N', static_cast<int>(n), static_cast<int>(m),
             static_cast<int>(k), alpha, b, static_cast<int>(ldb), a, static_cast<int>(lda), beta, c,
             static_cast<int>(ldc));
}

// Softmax of each row of an n x n block, in place.
template <typename T>
void softmaxRows(T* s, int64_t n) {
    for (int64_t r = 0; r < n; ++r) {
        T* row = s + r * n;
        T mx = -std::numeric_limits<T>::infinity();
        for (int64_t j = 0; j < n; ++j) mx = std::max(mx, row[j]);
        T sum = 0;
        for (int64_t j = 0; j < n; ++j) {
            row[j] = std::exp(row[j] - mx);
            sum += row[j];
        }
        for (int64_t j = 0; j < n; ++j) row[j] /= sum;
    }
}

struct Shape {
    int64_t B, N, C, H, hd;
};

Shape shapeOf(const torch::Tensor& qkv, int64_t heads) {
    Shape s{qkv.size(0), qkv.size(1), qkv.size(2) / 3, heads, 0};
    s.hd = s.C / heads;
    return s;
}

// out (B, N, C) = attention of qkv; the softmax matrices go to attn (B*H blocks of N x N) when given.
template <typename T>
void forwardKernel(const T* qkv, T* out, T* attn, const Shape& s) {
    const T scale = T(1) / std::sqrt(static_cast<T>(s.hd));
    at::parallel_for(0, s.B * s.H, 1, [&](int64_t begin, int64_t end) {
        std::vector<T> scratch(attn ? 0 : s.N * s.N);
        for (int64_t i = begin; i < end; ++i) {
            const int64_t b = i / s.H, h = i % s.H;
            const T* q = qkv + b * s.N * 3 * s.C + h * s.hd;
            const T* k = q + s.C;
            const T* v = q + 2 * s.C;
            T* a = attn ? attn + i * s.N * s.N : scratch.data();
            gemmRowMajor<T>(false, true, s.N, s.N, s.hd, scale, q, 3 * s.C, k, 3 * s.C, T(0), a, s.N);
            softmaxRows(a, s.N);
            gemmRowMajor<T>(false, false, s.N, s.hd, s.N, T(1), a, s.N, v, 3 * s.C, T(0),
                            out + b * s.N * s.C + h * s.hd, s.C);
        }
    });
}

// dqkv (B, N, 3C) from dout (B, N, C), the saved softmax matrices and qkv.
template <typename T>
void backwardKernel(const T* qkv, const T* attn, const T* dout, T* dqkv, const Shape& s) {
    const T scale = T(1) / std::sqrt(static_cast<T>(s.hd));
    at::parallel_for(0, s.B * s.H, 1, [&](int64_t begin, int64_t end) {
        std::vector<T> ds(s.N * s.N);
        for (int64_t i = begin; i < end; ++i) {
            const int64_t b = i / s.H, h = i % s.H;
            const int64_t off = b * s.N * 3 * s.C + h * s.hd;
            const T *q = qkv + off, *k = q + s.C, *v = q + 2 * s.C;
            T *dq = dqkv + off, *dk = dq + s.C, *dv = dq + 2 * s.C;
            const T* a = attn + i * s.N * s.N;
            const T* dO = dout + b * s.N * s.C + h * s.hd;
            // out = a v: dv = a^T dO, da = dO v^T
            gemmRowMajor<T>(true, false, s.N, s.hd, s.N, T(1), a, s.N, dO, s.C, T(0), dv, 3 * s.C);
            gemmRowMajor<T>(false, true, s.N, s.N, s.hd, T(1), dO, s.C, v, 3 * s.C, T(0), ds.data(), s.N);
            // a = softmax(z): dz = a * (da - sum_j da_j a_j), row by row
            for (int64_t r = 0; r < s.N; ++r) {
                T* dr = ds.data() + r * s.N;
                const T* ar = a + r * s.N;
                T dot = 0;
                for (int64_t j = 0; j < s.N; ++j) dot += dr[j] * ar[j];
                for (int64_t j = 0; j < s.N; ++j) dr[j] = ar[j] * (dr[j] - dot);
            }
            // z = scale q k^T: dq = scale dz k, dk = scale dz^T q
            gemmRowMajor<T>(false, false, s.N, s.hd, s.N, scale, ds.data(), s.N, k, 3 * s.C, T(0), dq, 3 * s.C);
            gemmRowMajor<T>(true, false, s.N, s.hd, s.N, scale, ds.data(), s.N, q, 3 * s.C, T(0), dk, 3 * s.C);
        }
    });
}

torch::Tensor runForward(const torch::Tensor& qkv, const Shape& s, torch::Tensor* attn) {
    auto out = torch::empty({s.B, s.N, s.C}, qkv.options());
    if (attn) *attn = torch::empty({s.B, s.H, s.N, s.N}, qkv.options());
    AT_DISPATCH_FLOATING_TYPES(qkv.scalar_type(), "fusedAttention", [&] {
        forwardKernel<scalar_t>(qkv.data_ptr<scalar_t>(), out.data_ptr<scalar_t>(),
                                attn ? attn->data_ptr<scalar_t>() : nullptr, s);
    });
    return out;
}

struct FusedAttentionFunction : public torch::autograd::Function<FusedAttentionFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& qkv, int64_t heads) {
        const auto x = qkv.contiguous();
        const Shape s = shapeOf(x, heads);
        torch::Tensor attn;
        auto out = runForward(x, s, &attn);
        ctx->save_for_backward({x, attn});
        ctx->saved_data["heads"] = heads;
        return out;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto& x = saved[0];
        const auto& attn = saved[1];
        const Shape s = shapeOf(x, ctx->saved_data["heads"].toInt());
        const auto dout = grads[0].contiguous();
        auto dqkv = torch::empty_like(x);
        AT_DISPATCH_FLOATING_TYPES(x.scalar_type(), "fusedAttentionBackward", [&] {
            backwardKernel<scalar_t>(x.data_ptr<scalar_t>(), attn.data_ptr<scalar_t>(), dout.data_ptr<scalar_t>(),
                                     dqkv.data_ptr<scalar_t>(), s);
        });
        return {dqkv, torch::Tensor()};
    }
};
#endif  // DINO_HAVE_BLAS

}  // namespace

bool fusedAttentionBuilt() {
#ifdef DINO_HAVE_BLAS
    return true;
#else
    return false;
#endif
}

void setFusedAttentionEnabled(bool enabled) { enabledFlag().set(enabled); }
bool fusedAttentionEnabled() { return enabledFlag().on(); }

bool fusedAttentionSupports(const torch::Tensor& qkv) {
#ifdef DINO_HAVE_BLAS
    return enabledFlag().on() && qkv.device().is_cpu() && qkv.dim() == 3 && qkv.size(2) % 3 == 0 &&
           (qkv.scalar_type() == torch::kFloat || qkv.scalar_type() == torch::kDouble) &&
           qkv.size(1) <= 4096 && qkv.size(2) <= 3 * 65536;
#else
    (void)qkv;
    return false;
#endif
}

torch::Tensor fusedAttention(const torch::Tensor& qkv, int64_t heads) {
    TORCH_CHECK(fusedAttentionSupports(qkv), "fusedAttention: unsupported input ", qkv.sizes(), " ", qkv.dtype(),
                " on ", qkv.device());
    TORCH_CHECK(heads > 0 && (qkv.size(2) / 3) % heads == 0, "fusedAttention: width ", qkv.size(2) / 3,
                " is not a multiple of ", heads, " heads");
#ifdef DINO_HAVE_BLAS
    if (torch::GradMode::is_enabled() && qkv.requires_grad())
        return FusedAttentionFunction::apply(qkv, heads);
    const auto x = qkv.contiguous();
    return runForward(x, shapeOf(x, heads), nullptr);
#else
    return {};
#endif
}

}  // namespace dino
